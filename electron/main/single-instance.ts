import type { App, BrowserWindow } from 'electron';

/**
 * One Outpost per user: a second launch hands over to the first (which comes to the front) and
 * quits. Returns whether this process holds the lock and should go on starting.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  onSecondInstance: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondInstance());
  return true;
}

export type FocusableWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'>;

/** Brings a window to the front, restoring it if minimised; false when there is none. */
export function focusWindow(window: FocusableWindow | null | undefined): boolean {
  if (!window || window.isDestroyed()) return false;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return true;
}
