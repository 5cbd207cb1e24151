import { DEFAULT_GLOBAL_HOTKEYS } from '@domain/desktop-bridge';
import { describe, expect, it, vi } from 'vitest';
import {
  checkAccelerator,
  createGlobalHotkeys,
  globalHotkeysArg,
  MAX_ACCELERATOR_LENGTH,
  parseSavedHotkeys,
} from '../../../electron/main/global-hotkeys';
import { createFakeGlobalShortcut } from './fake-electron';

function hotkeys() {
  const globalShortcut = createFakeGlobalShortcut();
  const run = vi.fn();
  const log = vi.fn();
  return { globalShortcut, run, log, registry: createGlobalHotkeys({ globalShortcut, run, log }) };
}

describe('accelerator syntax', () => {
  it.each([
    ['CommandOrControl+Shift+O', 'CommandOrControl+Shift+O'],
    ['CmdOrCtrl+Shift+k', 'CommandOrControl+Shift+K'],
    ['shift+ctrl+l', 'Control+Shift+L'],
    ['Alt+F13', 'Alt+F13'],
    ['Super+Space', 'Super+Space'],
    ['Meta+Esc', 'Super+Escape'],
    ['Control+Alt+Plus', 'Control+Alt+Plus'],
    ['Option+/', 'Alt+/'],
    ['Ctrl+num5', 'Control+num5'],
  ])('accepts %s, spelt %s', (value, canonical) => {
    expect(checkAccelerator(value)).toEqual({ ok: true, accelerator: canonical });
  });

  it.each([
    ['A', /modifier other than Shift/],
    ['Shift+A', /modifier other than Shift/],
    ['F5', /modifier other than Shift/],
    ['Ctrl+Ctrl+A', /each modifier once/],
    ['Ctrl+Control+A', /each modifier once/],
    ['Ctrl+Shift', /one key Electron knows/],
    ['Ctrl+', /one key Electron knows/],
    ['Ctrl++', /modifiers, then one key/],
    ['Ctrl+A+B', /modifiers, then one key/],
    ['Hyper+A', /modifiers, then one key/],
    ['Ctrl+Pause', /one key Electron knows/],
    ['Ctrl+é', /one key Electron knows/],
    ['Ctrl+A\n', /one key Electron knows/],
    ['', /1 to 64 characters/],
    [`Ctrl+${'A'.repeat(MAX_ACCELERATOR_LENGTH)}`, /1 to 64 characters/],
  ])('refuses %j', (value, reason) => {
    const check = checkAccelerator(value);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(reason);
  });

  it('refuses what is not a string', () => {
    expect(checkAccelerator(42).ok).toBe(false);
    expect(checkAccelerator(null).ok).toBe(false);
  });
});

describe('the setGlobalHotkeys argument', () => {
  it('takes known commands with an accelerator or null, spelt canonically', () => {
    expect(globalHotkeysArg([{ 'toggle-window': 'cmdorctrl+alt+o', 'quick-log': null }])).toEqual({
      ok: true,
      args: [{ 'toggle-window': 'CommandOrControl+Alt+O', 'quick-log': null }],
    });
    expect(globalHotkeysArg([{}])).toEqual({ ok: true, args: [{}] });
  });

  it.each([
    [[], /expected 1 argument/],
    [[{}, {}], /expected 1 argument/],
    [[null], /must be an object/],
    [[['Ctrl+A']], /must be an object/],
    [['Ctrl+A'], /must be an object/],
    [[new Map()], /plain object/],
    [[{ 'open-devtools': 'Ctrl+Alt+I' }], /unknown hotkey command/],
    [[{ __proto__: null, 'toggle-window': 'Ctrl+Alt+O', x: null }], /unknown hotkey command/],
    [[{ 'toggle-window': 'A' }], /modifier other than Shift/],
    [[{ 'toggle-window': 42 }], /must be a string/],
    [[{ 'toggle-window': 'Ctrl+Alt+O', 'open-palette': null, 'quick-log': null, extra: null }], /at most 3/],
  ])('refuses %j', (args, reason) => {
    const result = globalHotkeysArg(args);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it('reads a remembered file the same way, falling back to the defaults when it is broken', () => {
    expect(parseSavedHotkeys('{"quick-log":"Ctrl+Alt+L"}')).toEqual({ 'quick-log': 'Control+Alt+L' });
    expect(parseSavedHotkeys('{"quick-log":"L"}')).toEqual({});
    expect(parseSavedHotkeys('not json')).toEqual({});
    expect(parseSavedHotkeys(null)).toEqual({});
  });
});

describe('global hotkey registration', () => {
  it('registers the defaults, each running its own command', () => {
    const { globalShortcut, run, registry } = hotkeys();
    expect(registry.apply({})).toEqual({
      'toggle-window': 'registered',
      'open-palette': 'registered',
      'quick-log': 'registered',
    });
    expect([...globalShortcut.registered.keys()]).toEqual(Object.values(DEFAULT_GLOBAL_HOTKEYS));
    globalShortcut.registered.get(DEFAULT_GLOBAL_HOTKEYS['quick-log'])?.();
    expect(run).toHaveBeenCalledWith('quick-log');
  });

  it('drops every earlier hotkey before registering a new map: a remapped key no longer fires', () => {
    const { globalShortcut, run, registry } = hotkeys();
    registry.apply({});
    expect(registry.apply({ 'open-palette': 'Control+Alt+P', 'quick-log': null })).toEqual({
      'toggle-window': 'registered',
      'open-palette': 'registered',
      'quick-log': 'off',
    });
    expect(globalShortcut.unregisterAll).toHaveBeenCalledTimes(2);
    expect([...globalShortcut.registered.keys()].sort()).toEqual(['CommandOrControl+Shift+O', 'Control+Alt+P']);
    globalShortcut.registered.get('Control+Alt+P')?.();
    expect(run).toHaveBeenCalledWith('open-palette');
  });

  it('reports a key another app holds as failed, per command, and registers the rest', () => {
    const { globalShortcut, log, registry } = hotkeys();
    globalShortcut.takenElsewhere.add(DEFAULT_GLOBAL_HOTKEYS['open-palette']);
    globalShortcut.register.mockImplementationOnce(() => {
      throw new Error('Failed to register the accelerator');
    });
    expect(registry.apply({})).toEqual({
      'toggle-window': 'failed',
      'open-palette': 'failed',
      'quick-log': 'registered',
    });
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('gives a key asked for twice to the first command only', () => {
    const { globalShortcut, registry } = hotkeys();
    const results = registry.apply({ 'toggle-window': 'Control+Alt+O', 'open-palette': 'Control+Alt+O' });
    expect(results).toMatchObject({ 'toggle-window': 'registered', 'open-palette': 'failed' });
    expect(globalShortcut.register).toHaveBeenCalledTimes(2);
  });

  it('unregisters everything when asked (on quit)', () => {
    const { globalShortcut, registry } = hotkeys();
    registry.apply({});
    registry.unregisterAll();
    expect(globalShortcut.registered.size).toBe(0);
  });
});
