/**
 * Board shortcuts stay out of the way: not while typing in a field, and not while a modal dialog
 * (a reason prompt, a confirmation) is open.
 */
export function isShortcutBlocked(target: EventTarget | null): boolean {
  if (typeof document !== 'undefined' && document.querySelector('dialog[open]')) return true;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}
