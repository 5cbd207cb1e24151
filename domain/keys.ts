/**
 * Key bindings as text. A chord is one key with its modifiers in a fixed order (`Mod+Shift+z`,
 * `?`, `ArrowDown`); a binding is a sequence of chords separated by spaces (`g l`). `Mod` is Cmd
 * on macOS and Ctrl elsewhere, so one default serves both; bindings are normalized per platform,
 * so `Ctrl+k` typed on Windows and `Mod+k` name the same chord. Pure: the renderer reads and shows
 * keys with it, the server checks the bindings a profile carries, and main turns the menu's into
 * accelerators.
 */
export type Platform = 'mac' | 'other';

const MODIFIER_ORDER = ['Mod', 'Ctrl', 'Meta', 'Alt', 'Shift'] as const;
type Modifier = (typeof MODIFIER_ORDER)[number];

const NAMED_KEYS: Record<string, string> = {
  esc: 'Escape',
  escape: 'Escape',
  space: 'Space',
  spacebar: 'Space',
  ' ': 'Space',
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  del: 'Delete',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  arrowup: 'ArrowUp',
  arrowdown: 'ArrowDown',
  arrowleft: 'ArrowLeft',
  arrowright: 'ArrowRight',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  plus: '+',
};

/** Keys that only modify others, never a chord of their own. */
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn', 'OS']);

function modifierOf(name: string, platform: Platform): Modifier | null {
  switch (name.toLowerCase()) {
    case 'mod':
      return 'Mod';
    case 'cmd':
    case 'command':
    case 'meta':
      return platform === 'mac' ? 'Mod' : 'Meta';
    case 'ctrl':
    case 'control':
      return platform === 'mac' ? 'Ctrl' : 'Mod';
    case 'alt':
    case 'option':
      return 'Alt';
    case 'shift':
      return 'Shift';
    default:
      return null;
  }
}

function keyName(key: string): string | null {
  if (key === '') return null;
  const named = NAMED_KEYS[key.toLowerCase()];
  if (named) return named;
  if (key.length === 1) return key.toLowerCase();
  if (/^F([1-9]|1[0-9]|2[0-4])$/i.test(key)) return key.toUpperCase();
  return null;
}

function chordOf(modifiers: Iterable<Modifier>, key: string | null): string | null {
  if (!key) return null;
  const set = new Set(modifiers);
  // A printable character already says whether Shift was down (`?` is Shift+/ on many layouts,
  // elsewhere not): Shift only counts beside another modifier or on a named key.
  const printable = key.length === 1;
  if (printable && set.has('Shift') && !['Mod', 'Ctrl', 'Meta', 'Alt'].some((m) => set.has(m as Modifier)))
    set.delete('Shift');
  return [...MODIFIER_ORDER.filter((m) => set.has(m)), key].join('+');
}

/** One chord written by a person (`mod+K`, `Ctrl+Shift+z`, `esc`) in its normal form; null if not a chord. */
export function normalizeChord(spec: string, platform: Platform): string | null {
  const trimmed = spec.trim();
  if (!trimmed) return null;
  // A chord ending in "+" is the plus key itself (`Mod++`).
  const parts = trimmed.endsWith('++') ? [...trimmed.slice(0, -2).split('+'), '+'] : trimmed.split('+');
  const key = parts.pop() ?? '';
  const modifiers: Modifier[] = [];
  for (const part of parts) {
    const modifier = modifierOf(part, platform);
    if (!modifier) return null;
    modifiers.push(modifier);
  }
  return chordOf(modifiers, keyName(key));
}

/** A binding (`g l`, `Mod+k`) as its chords in normal form; null if any part is not a chord. */
export function parseBinding(spec: string, platform: Platform): string[] | null {
  const chords = spec.trim().split(/\s+/).filter(Boolean);
  if (chords.length === 0) return null;
  const normalized = chords.map((c) => normalizeChord(c, platform));
  return normalized.every((c): c is string => c !== null) ? normalized : null;
}

/** The fields of a keydown event that make its chord. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The chord a key press makes; null for a lone modifier or a key with no name (a dead key). */
export function chordFromEvent(event: KeyPress, platform: Platform): string | null {
  if (MODIFIER_KEYS.has(event.key)) return null;
  const modifiers: Modifier[] = [];
  if (platform === 'mac') {
    if (event.metaKey) modifiers.push('Mod');
    if (event.ctrlKey) modifiers.push('Ctrl');
  } else {
    if (event.ctrlKey) modifiers.push('Mod');
    if (event.metaKey) modifiers.push('Meta');
  }
  if (event.altKey) modifiers.push('Alt');
  if (event.shiftKey) modifiers.push('Shift');
  return chordOf(modifiers, keyName(event.key));
}

/** Whether a chord holds a command modifier (Mod, Ctrl, Meta or Alt), as the text-field rule asks. */
export function hasCommandModifier(chord: string): boolean {
  return /^(Mod|Ctrl|Meta|Alt)\+./.test(chord);
}

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Meta: '⌘', Alt: '⌥', Shift: '⇧' };
const OTHER_NAMES: Record<string, string> = { Mod: 'Ctrl', Ctrl: 'Ctrl', Meta: 'Win', Alt: 'Alt', Shift: 'Shift' };
const ARROWS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/**
 * A chord as the keycaps show it: `⌘K` on a Mac, `Ctrl+K` elsewhere. `named` gives the words for
 * keys with names (Space, Enter, Esc) in the user's language.
 */
export function formatChord(chord: string, platform: Platform, named: (key: string) => string = (k) => k): string {
  const parts =
    chord === '+' ? ['+'] : chord.endsWith('++') ? [...chord.slice(0, -2).split('+'), '+'] : chord.split('+');
  const key = parts.pop() ?? '';
  const shown = ARROWS[key] ?? (key.length === 1 ? key.toUpperCase() : named(key));
  if (platform === 'mac') return parts.map((m) => MAC_SYMBOLS[m] ?? m).join('') + shown;
  return [...parts.map((m) => OTHER_NAMES[m] ?? m), shown].join('+');
}

/**
 * The `aria-keyshortcuts` value of a one-chord binding (`Control+K`, `Shift+?`…); null for a
 * sequence, which that attribute cannot express.
 */
export function ariaKeyShortcut(binding: readonly string[], platform: Platform): string | null {
  if (binding.length !== 1) return null;
  const parts = binding[0]!.split('+');
  const key = parts.pop() ?? '';
  const aria: Record<string, string> = {
    Mod: platform === 'mac' ? 'Meta' : 'Control',
    Ctrl: 'Control',
    Meta: 'Meta',
    Alt: 'Alt',
    Shift: 'Shift',
  };
  return [
    ...parts.map((m) => aria[m] ?? m),
    key === 'Space' ? 'Space' : key.length === 1 ? key.toUpperCase() : key,
  ].join('+');
}
