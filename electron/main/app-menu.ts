import {
  GO_MENU_COMMANDS,
  type DesktopCommand,
  type DesktopSection,
  type GoMenuCommand,
  type MenuKeyMap,
} from '@domain/desktop-bridge';
import type { Platform } from '@domain/keys';
import type { MenuItemConstructorOptions } from 'electron';
import { acceleratorOf, keysHint } from './menu-keys';
import type { ShellTexts } from './shell-texts';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools and reload only in development: in production a reload could drop unsaved UI state. */
  isDevelopment: boolean;
  /** The system language's words for the menus that are ours (shell-texts.ts). */
  texts: ShellTexts;
  /** Hands a "Go" menu command to the page. */
  sendCommand(command: DesktopCommand): void;
  /** The keys the page's registry has in force for the menu's commands (none until it says). */
  keys: MenuKeyMap;
}

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

/**
 * One "Go" row and its keys, which are the page's (its command registry: defaults and the user's
 * own, docs/adr/0029-key-bindings-on-the-profile.md). A chord with Cmd/Ctrl/Alt is the row's
 * accelerator, shown but not registered: the page hears the key itself, as it does in a browser, so
 * it runs once. (macOS ignores that and acts through the menu, which then keeps the key from the
 * page: still once.) Keys an accelerator cannot carry — a sequence such as `g p`, or a bare key that
 * would be taken from text fields — are shown in the label instead.
 */
function goMenuItem(
  command: GoMenuCommand,
  texts: ShellTexts,
  keys: MenuKeyMap,
  platform: Platform,
  sendCommand: (command: DesktopCommand) => void,
): MenuItemConstructorOptions {
  const label = commandLabel(command, texts);
  const click = () => sendCommand(command);
  const binding = keys[command];
  if (!binding) return { label, click };
  const accelerator = acceleratorOf(binding, platform);
  if (accelerator) return { label, accelerator, registerAccelerator: false, click };
  return { label: `${label} (${keysHint(binding, platform, texts.then)})`, click };
}

export function buildGoMenu(
  texts: ShellTexts,
  sendCommand: (command: DesktopCommand) => void,
  keys: MenuKeyMap = {},
  platform: NodeJS.Platform = 'linux',
): MenuItemConstructorOptions {
  const keyPlatform: Platform = platform === 'darwin' ? 'mac' : 'other';
  const items = GO_MENU_COMMANDS.map((command) => goMenuItem(command, texts, keys, keyPlatform, sendCommand));
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
  keys,
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
    buildGoMenu(texts, sendCommand, keys, platform),
    { role: 'windowMenu' },
    // macOS adds its menu search to an empty Help menu; elsewhere Help holds About.
    { role: 'help', submenu: isMac ? [] : [{ role: 'about' }] },
  ];
}
