import type { App, BrowserWindow } from 'electron';

/**
 * One Outpost per user: a second launch hands over to the first (which comes to the front) and
 * quits. The first hears the second's command line, which carries an `outpost://` link when the
 * system launched Outpost to open one (Windows, Linux). Returns whether this process holds the
 * lock and should go on starting.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  onSecondInstance: (argv: string[]) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) =>
    onSecondInstance(Array.isArray(argv) ? argv.filter((arg) => typeof arg === 'string') : []),
  );
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

export type ToggleableWindow = FocusableWindow & Pick<BrowserWindow, 'isVisible' | 'isFocused' | 'hide'>;

/**
 * The show/hide hotkey: a window in front is hidden (the tray and the hotkey bring it back);
 * any other state brings it forward, and with no window `open` makes one.
 */
export function toggleWindow(window: ToggleableWindow | null | undefined, open: () => void): 'hidden' | 'shown' {
  if (window && !window.isDestroyed() && window.isVisible() && window.isFocused() && !window.isMinimized()) {
    window.hide();
    return 'hidden';
  }
  if (!focusWindow(window)) open();
  return 'shown';
}
