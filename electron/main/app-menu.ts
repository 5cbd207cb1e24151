import type { DesktopCommand, DesktopSection } from '@domain/desktop-bridge';
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellTexts } from './shell-texts';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools and reload only in development: in production a reload could drop unsaved UI state. */
  isDevelopment: boolean;
  /** The system language's words for the menus that are ours (shell-texts.ts). */
  texts: ShellTexts;
  /** Hands a "Go" menu command to the page. */
  sendCommand(command: DesktopCommand): void;
}

/**
 * The "Go" menu: one row per command with its accelerator, in menu order. The page's command
 * registry will own these accelerators; until then this table is the one place they are set.
 */
export const GO_MENU_ITEMS: readonly { command: DesktopCommand; accelerator: string }[] = [
  { command: 'open-palette', accelerator: 'CmdOrCtrl+K' },
  { command: 'go:pipeline', accelerator: 'CmdOrCtrl+1' },
  { command: 'go:leads', accelerator: 'CmdOrCtrl+2' },
  { command: 'go:deals', accelerator: 'CmdOrCtrl+3' },
  { command: 'go:contacts', accelerator: 'CmdOrCtrl+4' },
  { command: 'go:companies', accelerator: 'CmdOrCtrl+5' },
  { command: 'go:activities', accelerator: 'CmdOrCtrl+6' },
  { command: 'go:call-center', accelerator: 'CmdOrCtrl+7' },
  { command: 'go:reports', accelerator: 'CmdOrCtrl+8' },
  { command: 'go:settings', accelerator: 'CmdOrCtrl+,' },
];

function commandLabel(command: DesktopCommand, texts: ShellTexts): string {
  switch (command) {
    case 'open-palette':
      return texts.openPalette;
    case 'quick-log':
      return texts.quickLog;
    case 'new-lead':
      return texts.newLead;
    default:
      return texts.sections[command.slice('go:'.length) as DesktopSection];
  }
}

export function buildGoMenu(
  texts: ShellTexts,
  sendCommand: (command: DesktopCommand) => void,
): MenuItemConstructorOptions {
  const items = GO_MENU_ITEMS.map(({ command, accelerator }): MenuItemConstructorOptions => ({
    label: commandLabel(command, texts),
    accelerator,
    click: () => sendCommand(command),
  }));
  // The palette first, then the sections in the order of the app's navigation.
  const [palette, ...sections] = items;
  return { label: texts.goMenu, submenu: [...(palette ? [palette] : []), { type: 'separator' }, ...sections] };
}

/** The standard menus built from Electron roles, so shortcuts and labels are native on every OS, and Go. */
export function buildAppMenuTemplate({
  platform,
  isDevelopment,
  texts,
  sendCommand,
}: AppMenuOptions): MenuItemConstructorOptions[] {
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
    buildGoMenu(texts, sendCommand),
    { role: 'windowMenu' },
    // macOS adds its menu search to an empty Help menu; elsewhere Help holds About.
    { role: 'help', submenu: isMac ? [] : [{ role: 'about' }] },
  ];
}
