import type { DesktopSyncStatus } from '@domain/desktop-bridge';
import type { Menu, MenuItemConstructorOptions, Tray } from 'electron';
import type { ShellTexts } from './shell-texts';

/** What the tray's quick actions do; the composition root wires them to the window and the page. */
export interface TrayActions {
  show(): void;
  newLead(): void;
  openPalette(): void;
  quit(): void;
}

export type TrayLike = Pick<Tray, 'setToolTip' | 'setContextMenu' | 'on' | 'destroy'>;

export interface OutpostTrayOptions {
  createTray(): TrayLike;
  /** Menu.buildFromTemplate. */
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  texts: ShellTexts;
  actions: TrayActions;
}

/** "Outpost — Synced"; just "Outpost" until the page has said how sync is going. */
export function trayToolTip(status: DesktopSyncStatus | null, texts: ShellTexts): string {
  return status ? `${texts.appName} — ${texts.status[status]}` : texts.appName;
}

/**
 * The tray's menu: the sync status as a line that is read, not clicked, then the quick actions.
 * The status line is left out until the page reports one (before sign-in there is nothing to sync).
 */
export function trayMenuTemplate(
  status: DesktopSyncStatus | null,
  texts: ShellTexts,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  return [
    ...(status ? ([{ label: texts.status[status], enabled: false }, { type: 'separator' }] as const) : []),
    { label: texts.show, click: () => actions.show() },
    { label: texts.newLead, click: () => actions.newLead() },
    { label: texts.openPalette, click: () => actions.openPalette() },
    { type: 'separator' },
    { label: texts.quit, click: () => actions.quit() },
  ];
}

export interface OutpostTray {
  /** Shows a new status in the tooltip and the menu. */
  setStatus(status: DesktopSyncStatus): void;
  destroy(): void;
}

/**
 * The tray icon. A click shows Outpost where the platform sends clicks to the icon (Windows,
 * most Linux panels); the menu holds the same action for macOS, where a click opens the menu.
 */
export function createOutpostTray({ createTray, buildMenu, texts, actions }: OutpostTrayOptions): OutpostTray {
  const tray = createTray();
  let status: DesktopSyncStatus | null = null;
  const render = (): void => {
    tray.setToolTip(trayToolTip(status, texts));
    tray.setContextMenu(buildMenu(trayMenuTemplate(status, texts, actions)));
  };
  tray.on('click', () => actions.show());
  render();
  return {
    setStatus(next) {
      if (next === status) return;
      status = next;
      render();
    },
    destroy: () => tray.destroy(),
  };
}
