import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  claimSingleInstance,
  focusWindow,
  toggleWindow,
  type FocusableWindow,
  type ToggleableWindow,
} from '../../../electron/main/single-instance';
import { FakeBrowserWindow, fakeElectron } from './fake-electron';

describe('single instance', () => {
  it('lets the first instance start and brings it forward when a second one launches', () => {
    const { app } = fakeElectron();
    const onSecondInstance = vi.fn();
    expect(claimSingleInstance(app as unknown as App, onSecondInstance)).toBe(true);
    app.emit('second-instance', {}, ['outpost', 'outpost://deals/0193a4b2-7c3d-7e10-8f00-0123456789ab'], '/home/ana');
    expect(onSecondInstance).toHaveBeenCalledExactlyOnceWith([
      'outpost',
      'outpost://deals/0193a4b2-7c3d-7e10-8f00-0123456789ab',
    ]);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('quits a second instance', () => {
    const { app } = fakeElectron();
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    expect(claimSingleInstance(app as unknown as App, vi.fn())).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('restores, shows and focuses a minimised window', () => {
    const window = new FakeBrowserWindow();
    window.minimized = true;
    expect(focusWindow(window as unknown as FocusableWindow)).toBe(true);
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('reports when there is no window to focus', () => {
    const window = new FakeBrowserWindow();
    window.destroyed = true;
    expect(focusWindow(window as unknown as FocusableWindow)).toBe(false);
    expect(focusWindow(null)).toBe(false);
  });

  it('the show/hide hotkey hides a window in front and brings back a hidden, minimised or background one', () => {
    const window = new FakeBrowserWindow();
    const open = vi.fn();
    const toggle = () => toggleWindow(window as unknown as ToggleableWindow, open);
    expect(toggle()).toBe('hidden');
    expect(window.hide).toHaveBeenCalledOnce();
    expect(toggle()).toBe('shown');
    expect(window.visible).toBe(true);
    window.focused = false;
    expect(toggle()).toBe('shown');
    window.minimized = true;
    expect(toggle()).toBe('shown');
    expect(window.restore).toHaveBeenCalled();
    expect(window.hide).toHaveBeenCalledOnce();
    expect(open).not.toHaveBeenCalled();
  });

  it('the show/hide hotkey opens a window when there is none', () => {
    const open = vi.fn();
    expect(toggleWindow(null, open)).toBe('shown');
    expect(open).toHaveBeenCalledOnce();
  });
});
