import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, focusWindow, type FocusableWindow } from '../../../electron/main/single-instance';
import { FakeBrowserWindow, fakeElectron } from './fake-electron';

describe('single instance', () => {
  it('lets the first instance start and brings it forward when a second one launches', () => {
    const { app } = fakeElectron();
    const onSecondInstance = vi.fn();
    expect(claimSingleInstance(app as unknown as App, onSecondInstance)).toBe(true);
    app.emit('second-instance', {}, ['outpost'], '/home/ana');
    expect(onSecondInstance).toHaveBeenCalledOnce();
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
});
