import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { bindCommands } from './bindings';
import type { Command } from './command';
import { useCommands } from './command-store';
import { ariaKeyShortcut, currentPlatform, formatChord, type Platform } from './keys';

const platform = currentPlatform();

/** A key with a name (Space, Enter, Esc…) in the user's language; other keys show as themselves. */
export function keyLabel(t: TFunction, key: string): string {
  switch (key) {
    case 'Space':
      return t('keys.space');
    case 'Enter':
      return t('keys.enter');
    case 'Escape':
      return t('keys.escape');
    case 'Tab':
      return t('keys.tab');
    case 'Backspace':
      return t('keys.backspace');
    case 'Delete':
      return t('keys.delete');
    default:
      return key;
  }
}

/** A binding as keycaps (`G P`, `⌘K`, `Ctrl+K`), one string per chord. */
export function bindingKeys(t: TFunction, binding: readonly string[], on: Platform = platform): string[] {
  return binding.map((chord) => formatChord(chord, on, (key) => keyLabel(t, key)));
}

/** A binding in words for assistive technology: "G then P". */
export function bindingSpoken(t: TFunction, binding: readonly string[]): string {
  return bindingKeys(t, binding).join(` ${t('keys.then')} `);
}

/** The bindings in force for `commands`, with the user's own. */
export function useBindings(commands: readonly Command[]): Map<string, readonly (readonly string[])[]> {
  const overrides = useCommands((s) => s.overrides);
  return useMemo(
    () => new Map(bindCommands(commands, overrides, platform).map((c) => [c.id, c.bindings])),
    [commands, overrides],
  );
}

/** `aria-keyshortcuts` for a region's commands: each one-chord binding in force. */
export function useAriaShortcuts(commands: readonly Command[]): string {
  const bindings = useBindings(commands);
  return [...bindings.values()]
    .flat()
    .map((b) => ariaKeyShortcut(b, platform))
    .filter((s): s is string => s !== null)
    .join(' ');
}

/** The first binding of a command, for a menu item or a tooltip ("Keyboard shortcuts ?"); '' if none. */
export function useKeyHint(id: string): { text: string; spoken: string; aria: string | undefined } {
  const { t } = useTranslation();
  const commands = useCommands((s) => s.commands);
  const overrides = useCommands((s) => s.overrides);
  return useMemo(() => {
    const command = commands.find((c) => c.id === id);
    const binding = command ? bindCommands([command], overrides, platform)[0]?.bindings[0] : undefined;
    if (!binding) return { text: '', spoken: '', aria: undefined };
    return {
      text: bindingKeys(t, binding).join(' '),
      spoken: bindingSpoken(t, binding),
      aria: ariaKeyShortcut(binding, platform) ?? undefined,
    };
  }, [commands, overrides, id, t]);
}
