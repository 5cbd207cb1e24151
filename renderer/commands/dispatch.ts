import type { CommandScope } from './command';
import { hasCommandModifier } from './keys';

/** A command as the dispatcher sees it: its scope and its bindings in normal form. */
export interface BoundCommand {
  id: string;
  scope: CommandScope;
  bindings: readonly (readonly string[])[];
  allowInText?: boolean | undefined;
}

export type DispatchResult =
  | { kind: 'run'; id: string }
  /** The chords so far begin a longer binding: wait (about a second) for the next one. */
  | { kind: 'pending'; pending: readonly string[] }
  | { kind: 'none' };

export interface KeyInput {
  /** Chords of a sequence typed so far (`['g']`), empty when none is under way. */
  pending: readonly string[];
  chord: string;
  /** Active scopes, most specific first (see activeScopes). */
  scopes: readonly CommandScope[];
  /** Focus is in a text field: only Escape and Mod combinations allowed in text are taken. */
  inText: boolean;
  commands: readonly BoundCommand[];
  /** The command's own `when`: whether it applies now. */
  applies: (id: string) => boolean;
}

function startsWith(binding: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((chord, i) => binding[i] === chord);
}

/**
 * Which command a key press runs. The most specific active scope wins; a key that begins a
 * longer binding waits for the rest; a chord that does not continue the sequence under way is
 * taken on its own, so `g` then `j` on the board still moves down.
 */
export function dispatchKey(input: KeyInput): DispatchResult {
  const rank = (scope: CommandScope) => input.scopes.indexOf(scope);
  const attempt = (prefix: readonly string[]): DispatchResult | null => {
    const typed = [...prefix, input.chord];
    const candidates = input.commands.filter((c) => rank(c.scope) >= 0 && allowedHere(c, typed, input.inText));
    const exact = candidates
      .filter((c) => c.bindings.some((b) => b.length === typed.length && startsWith(b, typed)))
      .filter((c) => input.applies(c.id))
      .sort((a, b) => rank(a.scope) - rank(b.scope));
    if (exact[0]) return { kind: 'run', id: exact[0].id };
    const longer = candidates.some(
      (c) => c.bindings.some((b) => b.length > typed.length && startsWith(b, typed)) && input.applies(c.id),
    );
    return longer ? { kind: 'pending', pending: typed } : null;
  };
  if (input.pending.length > 0) {
    const continued = attempt(input.pending);
    if (continued) return continued;
  }
  return attempt([]) ?? { kind: 'none' };
}

/** The text-field rule: typing is never taken, except Escape and Mod combinations made for it. */
function allowedHere(command: BoundCommand, typed: readonly string[], inText: boolean): boolean {
  if (!inText) return true;
  if (typed.length !== 1) return false;
  const chord = typed[0]!;
  return chord === 'Escape' || (command.allowInText === true && hasCommandModifier(chord));
}

const SCOPE_RANK: Record<CommandScope, number> = { dialog: 0, drawer: 1, board: 2, list: 2, global: 3 };

/** Where focus is, as the scopes need it. */
export interface FocusSituation {
  /** A modal dialog is open: it blocks every scope but its own. */
  modal: boolean;
  /** A non-modal popup (a menu) is open: its Escape comes first, the rest still works. */
  popup: boolean;
  /** The scopes marked on the focused element and its ancestors (`data-command-scope`). */
  marked: readonly string[];
  /** The drawer is open and nothing in particular has focus: its keys apply. */
  drawerIdle: boolean;
}

/** The active scopes, most specific first: dialog > drawer > board and list > global. */
export function activeScopes(situation: FocusSituation): CommandScope[] {
  if (situation.modal) return ['dialog'];
  const scopes = new Set<CommandScope>();
  if (situation.popup) scopes.add('dialog');
  for (const mark of situation.marked) {
    if (mark === 'drawer' || mark === 'board' || mark === 'list') scopes.add(mark);
  }
  if (situation.drawerIdle) scopes.add('drawer');
  scopes.add('global');
  return [...scopes].sort((a, b) => SCOPE_RANK[a] - SCOPE_RANK[b]);
}

/** What the text-field rule looks at in an element. */
export interface ElementLike {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute(name: string): string | null;
}

const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether keys typed into `element` are text: inputs, text areas, selects, editable content, text roles. */
export function isTextTarget(element: ElementLike | null): boolean {
  if (!element) return false;
  const tag = element.tagName.toUpperCase();
  if (tag === 'INPUT') return !NOT_TEXT_INPUTS.has((element.getAttribute('type') ?? 'text').toLowerCase());
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (element.isContentEditable) return true;
  const role = element.getAttribute('role');
  return role === 'combobox' || role === 'textbox' || role === 'searchbox';
}
