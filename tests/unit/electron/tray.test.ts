import { DESKTOP_SYNC_STATUSES } from '@domain/desktop-bridge';
import type { Menu, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { SHELL_TEXTS, shellTexts } from '../../../electron/main/shell-texts';
import { createOutpostTray, trayToolTip, type TrayLike } from '../../../electron/main/tray';
import { FakeTray } from './fake-electron';

function tray(locale = 'en-US') {
  const fake = new FakeTray('build/tray-icon.png');
  const actions = { show: vi.fn(), newLead: vi.fn(), openPalette: vi.fn(), quit: vi.fn() };
  const outpostTray = createOutpostTray({
    createTray: () => fake as unknown as TrayLike,
    buildMenu: (template) => ({ template }) as unknown as Menu,
    texts: shellTexts(locale),
    actions,
  });
  const menu = () => (fake.contextMenu?.template ?? []) as MenuItemConstructorOptions[];
  const labels = () => menu().map((item) => item.label ?? item.type);
  const click = (label: string) => (menu().find((item) => item.label === label)?.click as (() => void) | undefined)?.();
  return { fake, actions, outpostTray, labels, click };
}

describe('the tray icon', () => {
  it('says only "Outpost" until the page reports a sync status, then shows it in the tooltip and the menu', () => {
    const { fake, outpostTray, labels } = tray();
    expect(fake.toolTip).toBe('Outpost');
    expect(labels()).toEqual(['Show Outpost', 'New lead', 'Open command palette', 'separator', 'Quit Outpost']);
    outpostTray.setStatus('syncing');
    expect(fake.toolTip).toBe('Outpost — Syncing…');
    expect(labels()).toEqual([
      'Syncing…',
      'separator',
      'Show Outpost',
      'New lead',
      'Open command palette',
      'separator',
      'Quit Outpost',
    ]);
    outpostTray.setStatus('sign-in-needed');
    expect(fake.toolTip).toBe('Outpost — Sign-in needed');
    expect(labels()[0]).toBe('Sign-in needed');
  });

  it('shows the status line as text, not as something to click', () => {
    const { fake, outpostTray } = tray();
    outpostTray.setStatus('offline');
    const [status] = (fake.contextMenu?.template ?? []) as MenuItemConstructorOptions[];
    expect(status).toMatchObject({ label: 'Offline', enabled: false });
    expect(status?.click).toBeUndefined();
  });

  it('words every status in English and Spanish', () => {
    expect(DESKTOP_SYNC_STATUSES.map((status) => trayToolTip(status, SHELL_TEXTS.en))).toEqual([
      'Outpost — Synced',
      'Outpost — Syncing…',
      'Outpost — Offline',
      'Outpost — Sync problem',
      'Outpost — Sign-in needed',
      'Outpost — Local only',
    ]);
    const { fake, outpostTray, labels } = tray('es-ES');
    outpostTray.setStatus('synced');
    expect(fake.toolTip).toBe('Outpost — Sincronizado');
    expect(labels()).toEqual([
      'Sincronizado',
      'separator',
      'Mostrar Outpost',
      'Nuevo prospecto',
      'Abrir la paleta de comandos',
      'separator',
      'Salir de Outpost',
    ]);
  });

  it('runs each quick action from its menu item, and shows Outpost on a click on the icon', () => {
    const { fake, actions, click } = tray();
    click('Show Outpost');
    expect(actions.show).toHaveBeenCalledOnce();
    click('New lead');
    expect(actions.newLead).toHaveBeenCalledOnce();
    click('Open command palette');
    expect(actions.openPalette).toHaveBeenCalledOnce();
    click('Quit Outpost');
    expect(actions.quit).toHaveBeenCalledOnce();
    fake.emit('click');
    expect(actions.show).toHaveBeenCalledTimes(2);
  });

  it('goes away when destroyed', () => {
    const { fake, outpostTray } = tray();
    outpostTray.destroy();
    expect(fake.destroyed).toBe(true);
  });
});
