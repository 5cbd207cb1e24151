import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools and reload only in development: in production a reload could drop unsaved UI state. */
  isDevelopment: boolean;
}

/** The standard menus built from Electron roles, so shortcuts and labels are native on every OS. */
export function buildAppMenuTemplate({ platform, isDevelopment }: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(isDevelopment
      ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    // macOS adds its menu search to an empty Help menu; elsewhere Help holds About.
    { role: 'help', submenu: isMac ? [] : [{ role: 'about' }] },
  ];
}
