import {
  DEFAULT_GLOBAL_HOTKEYS,
  GLOBAL_HOTKEY_COMMANDS,
  isGlobalHotkeyCommand,
  type GlobalHotkeyCommand,
  type GlobalHotkeyMap,
  type GlobalHotkeyResults,
} from '@domain/desktop-bridge';
import type { GlobalShortcut } from 'electron';
import type { ArgsValidator } from './ipc-validators';

/** Longer than any real accelerator ("CommandOrControl+Alt+Shift+MediaPreviousTrack" is 45). */
export const MAX_ACCELERATOR_LENGTH = 64;

/** Each modifier name Electron knows, to the name we spell it with; the order is the one we write them in. */
const MODIFIER_ALIASES: readonly [string, string][] = [
  ['CommandOrControl', 'CommandOrControl'],
  ['CmdOrCtrl', 'CommandOrControl'],
  ['Command', 'Command'],
  ['Cmd', 'Command'],
  ['Control', 'Control'],
  ['Ctrl', 'Control'],
  ['Alt', 'Alt'],
  ['Option', 'Alt'],
  ['AltGr', 'AltGr'],
  ['Super', 'Super'],
  ['Meta', 'Super'],
  ['Shift', 'Shift'],
];
const SHIFT = 'Shift';
const MODIFIER_ORDER = [...new Set(MODIFIER_ALIASES.map(([, name]) => name))];
/** Key names that mean the same key. */
const KEY_ALIASES = new Map([
  ['esc', 'Escape'],
  ['return', 'Enter'],
]);
const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
  'PrintScreen',
  ...Array.from({ length: 24 }, (_, i) => `F${i + 1}`),
  ...Array.from({ length: 10 }, (_, i) => `num${i}`),
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
];
/** Single characters Electron accepts as a key: letters, digits and punctuation ("+" is spelt Plus). */
const CHARACTER_KEY = /^[A-Za-z0-9)!@#$%^&*(:;<=,_\->.?/~`{\]|\\}"'[]$/;

const modifierNames = new Map(MODIFIER_ALIASES.map(([alias, name]) => [alias.toLowerCase(), name]));
const keyNames = new Map([...NAMED_KEYS.map((name) => [name.toLowerCase(), name] as const), ...KEY_ALIASES]);

export type AcceleratorCheck = { ok: true; accelerator: string } | { ok: false; reason: string };

/**
 * Electron's accelerator syntax (modifiers, then one key, joined by "+"), with two rules of ours
 * for a key that works system-wide: at least one modifier other than Shift, so a hotkey never
 * swallows plain typing in other apps (nor lets a page learn when a letter is pressed there), and
 * no modifier twice. Names are matched without case; the answer is canonical (aliases such as
 * CmdOrCtrl or Esc spelt out, modifiers in a fixed order), so one key has one spelling.
 */
export function checkAccelerator(value: unknown): AcceleratorCheck {
  if (typeof value !== 'string') return { ok: false, reason: 'an accelerator must be a string' };
  if (value.length === 0 || value.length > MAX_ACCELERATOR_LENGTH) {
    return { ok: false, reason: `an accelerator has 1 to ${MAX_ACCELERATOR_LENGTH} characters` };
  }
  const parts = value.split('+');
  const key = parts.pop()!;
  const modifiers: string[] = [];
  for (const part of parts) {
    const name = modifierNames.get(part.toLowerCase());
    if (!name) return { ok: false, reason: 'an accelerator is modifiers, then one key, joined by "+"' };
    if (modifiers.includes(name)) return { ok: false, reason: 'an accelerator names each modifier once' };
    modifiers.push(name);
  }
  if (!modifiers.some((name) => name !== SHIFT)) {
    return { ok: false, reason: 'a global hotkey needs a modifier other than Shift' };
  }
  const keyName = keyNames.get(key.toLowerCase()) ?? (CHARACTER_KEY.test(key) ? key.toUpperCase() : null);
  if (!keyName) return { ok: false, reason: 'an accelerator ends with one key Electron knows' };
  modifiers.sort((a, b) => MODIFIER_ORDER.indexOf(a) - MODIFIER_ORDER.indexOf(b));
  return { ok: true, accelerator: [...modifiers, keyName].join('+') };
}

/**
 * The one argument of setGlobalHotkeys: a plain object whose keys are known hotkey commands (so
 * at most one entry per command) and whose values are null or accelerators checkAccelerator
 * accepts. Gives back the accelerators in their canonical spelling.
 */
export const globalHotkeysArg: ArgsValidator<[GlobalHotkeyMap]> = (args) => {
  if (args.length !== 1) return { ok: false, reason: `expected 1 argument, got ${args.length}` };
  const result = parseHotkeyMap(args[0]);
  return result.ok ? { ok: true, args: [result.hotkeys] } : result;
};

function parseHotkeyMap(value: unknown): { ok: true; hotkeys: GlobalHotkeyMap } | { ok: false; reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'hotkeys must be an object' };
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null)
    return { ok: false, reason: 'hotkeys must be a plain object' };
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > GLOBAL_HOTKEY_COMMANDS.length) {
    return { ok: false, reason: `at most ${GLOBAL_HOTKEY_COMMANDS.length} hotkeys` };
  }
  const hotkeys: GlobalHotkeyMap = {};
  for (const [command, accelerator] of entries) {
    if (!isGlobalHotkeyCommand(command)) return { ok: false, reason: 'unknown hotkey command' };
    if (accelerator === null) {
      hotkeys[command] = null;
      continue;
    }
    const check = checkAccelerator(accelerator);
    if (!check.ok) return check;
    hotkeys[command] = check.accelerator;
  }
  return { ok: true, hotkeys };
}

/** The hotkeys remembered in a file, or the defaults when there is none or it does not pass the check. */
export function parseSavedHotkeys(text: string | null): GlobalHotkeyMap {
  if (text === null) return {};
  try {
    const result = parseHotkeyMap(JSON.parse(text));
    return result.ok ? result.hotkeys : {};
  } catch {
    return {};
  }
}

/** Every command's accelerator: the map's, else the default; null for a command switched off. */
export function resolveHotkeys(hotkeys: GlobalHotkeyMap): Record<GlobalHotkeyCommand, string | null> {
  const resolved = {} as Record<GlobalHotkeyCommand, string | null>;
  for (const command of GLOBAL_HOTKEY_COMMANDS) {
    const chosen = hotkeys[command];
    resolved[command] = chosen === undefined ? DEFAULT_GLOBAL_HOTKEYS[command] : chosen;
  }
  return resolved;
}

export interface GlobalHotkeysOptions {
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregisterAll'>;
  /** What a hotkey does when pressed. */
  run(command: GlobalHotkeyCommand): void;
  log(message: string): void;
}

export interface GlobalHotkeys {
  /** Drops every hotkey of Outpost's, then registers the map's; says per command how it went. */
  apply(hotkeys: GlobalHotkeyMap): GlobalHotkeyResults;
  /** Drops every hotkey of Outpost's (on quit). */
  unregisterAll(): void;
}

/**
 * Registers the system-wide hotkeys. A key another app holds makes `register` answer false (or,
 * on some systems, throw): that command is reported 'failed' and the others still register. Two
 * commands given the same key: the first in GLOBAL_HOTKEY_COMMANDS order gets it.
 */
export function createGlobalHotkeys({ globalShortcut, run, log }: GlobalHotkeysOptions): GlobalHotkeys {
  return {
    apply(hotkeys) {
      globalShortcut.unregisterAll();
      const results = {} as GlobalHotkeyResults;
      const taken = new Set<string>();
      for (const [command, accelerator] of Object.entries(resolveHotkeys(hotkeys)) as [
        GlobalHotkeyCommand,
        string | null,
      ][]) {
        if (accelerator === null) {
          results[command] = 'off';
          continue;
        }
        let registered = false;
        if (!taken.has(accelerator.toLowerCase())) {
          try {
            registered = globalShortcut.register(accelerator, () => run(command));
          } catch {
            registered = false;
          }
        }
        if (registered) taken.add(accelerator.toLowerCase());
        else log(`The global hotkey ${accelerator} for ${command} is taken; it was not registered.`);
        results[command] = registered ? 'registered' : 'failed';
      }
      return results;
    },
    unregisterAll: () => globalShortcut.unregisterAll(),
  };
}
