import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  trackWindowState,
  type TrackedWindow,
} from '../../../electron/main/window-state';
import { FakeBrowserWindow } from './fake-electron';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
const twoScreens = [...screen, { x: 1920, y: 0, width: 2560, height: 1440 }];

describe('parseWindowState', () => {
  it('keeps a valid state that is on a display', () => {
    const state = { bounds: { x: 100, y: 50, width: 1400, height: 900 }, isMaximized: true };
    expect(parseWindowState(state, screen)).toEqual(state);
  });

  it('keeps a position on a second display, and drops it once that display is gone', () => {
    const state = { bounds: { x: 2200, y: 100, width: 1200, height: 800 }, isMaximized: false };
    expect(parseWindowState(state, twoScreens).bounds).toEqual(state.bounds);
    expect(parseWindowState(state, screen).bounds).toEqual({ width: 1200, height: 800 });
  });

  it('drops a position where only a sliver of the window would be visible', () => {
    expect(parseWindowState({ bounds: { x: 1900, y: 1060, width: 1000, height: 800 } }, screen).bounds).toEqual({
      width: 1000,
      height: 800,
    });
  });

  it('clamps sizes to the minimum and a sane maximum', () => {
    expect(parseWindowState({ bounds: { width: 10, height: 10 } }, screen).bounds).toEqual({ width: 800, height: 560 });
    expect(parseWindowState({ bounds: { width: 1e9, height: 1e9 } }, screen).bounds).toEqual({
      width: 16384,
      height: 16384,
    });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'big'],
    ['no bounds', { isMaximized: true }],
    ['string sizes', { bounds: { width: '1200', height: '800' } }],
    ['fractional sizes', { bounds: { width: 1200.5, height: 800 } }],
    ['NaN', { bounds: { width: Number.NaN, height: 800 } }],
    ['Infinity', { bounds: { width: Number.POSITIVE_INFINITY, height: 800 } }],
  ])('falls back to the defaults for %s', (_name, raw) => {
    expect(parseWindowState(raw, screen)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('treats only a literal true as maximised', () => {
    expect(parseWindowState({ bounds: { width: 1000, height: 700 }, isMaximized: 'yes' }, screen).isMaximized).toBe(
      false,
    );
  });
});

describe('window state file', () => {
  it('round-trips through a JSON file under userData, leaving no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outpost-window-'));
    const file = join(dir, 'nested', 'window-state.json');
    const state = { bounds: { x: 10, y: 20, width: 1300, height: 850 }, isMaximized: false };
    await saveWindowState(file, state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json']);
    await expect(loadWindowState(file, screen)).resolves.toEqual(state);
  });

  it('uses the defaults when the file is missing or corrupt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outpost-window-'));
    await expect(loadWindowState(join(dir, 'missing.json'), screen)).resolves.toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'corrupt.json'), '{"bounds": {');
    await expect(loadWindowState(join(dir, 'corrupt.json'), screen)).resolves.toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('trackWindowState', () => {
  afterEach(() => vi.useRealTimers());

  it('saves once the window stops moving, and again when it closes', () => {
    vi.useFakeTimers();
    const window = new FakeBrowserWindow({ x: 5, y: 6, width: 1000, height: 700 });
    const save = vi.fn();
    trackWindowState(window as unknown as TrackedWindow, save, 500);
    window.emit('move');
    window.emit('resize');
    vi.advanceTimersByTime(499);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
    window.maximized = true;
    window.emit('close');
    expect(save).toHaveBeenLastCalledWith({ bounds: { x: 5, y: 6, width: 1000, height: 700 }, isMaximized: true });
  });
});
