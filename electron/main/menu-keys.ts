import { isMenuKeyMap, type MenuKeyMap } from '@domain/desktop-bridge';
import { formatChord, hasCommandModifier, parseBinding, type Platform } from '@domain/keys';
import type { ArgsValidator } from './ipc-validators';

/** The registry's modifiers in Electron's words: `Mod` is Cmd on macOS and Ctrl elsewhere, as there. */
const MODIFIERS: Record<string, string> = {
  Mod: 'CmdOrCtrl',
  Ctrl: 'Control',
  Meta: 'Super',
  Alt: 'Alt',
  Shift: 'Shift',
};

/** The registry's named keys that Electron names otherwise. */
const KEYS: Record<string, string> = {
  '+': 'Plus',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
};

/**
 * The Electron accelerator of a binding, or null when a menu must not carry it: a sequence
 * (`g p`), which an accelerator cannot express, and a key without Cmd/Ctrl/Alt (`?`, `c`), which a
 * menu would take from every text field on macOS, where menu keys act before the page. The page
 * wrote the binding on this machine, so `platform` reads its modifiers as the page meant them.
 */
export function acceleratorOf(binding: string, platform: Platform): string | null {
  const chords = parseBinding(binding, platform);
  if (!chords || chords.length !== 1 || !hasCommandModifier(chords[0]!)) return null;
  const chord = chords[0]!;
  const parts = chord.endsWith('++') ? [...chord.slice(0, -2).split('+'), '+'] : chord.split('+');
  const key = parts.pop()!;
  return [...parts.map((m) => MODIFIERS[m] ?? m), KEYS[key] ?? (key.length === 1 ? key.toUpperCase() : key)].join('+');
}

/** A binding as a menu shows it beside a label, for keys an accelerator cannot carry (`G then P`). */
export function keysHint(binding: string, platform: Platform, then: string): string {
  const chords = parseBinding(binding, platform) ?? [];
  return chords.map((chord) => formatChord(chord, platform)).join(` ${then} `);
}

/** The one argument of setMenuKeys, checked by the domain's rule (isMenuKeyMap). */
export const menuKeysArg: ArgsValidator<[MenuKeyMap]> = (args) => {
  if (args.length !== 1) return { ok: false, reason: `expected 1 argument, got ${args.length}` };
  const [keys] = args;
  if (!isMenuKeyMap(keys)) return { ok: false, reason: 'menu keys must map menu commands to key bindings' };
  return { ok: true, args: [{ ...keys }] };
};
