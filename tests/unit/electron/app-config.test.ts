import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSyncUrl, resolveAppConfig } from '../../../electron/main/app-config';
import { DESKTOP_SECTIONS } from '@domain/desktop-bridge';
import type { MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';
import { buildAppMenuTemplate, GO_MENU_ITEMS } from '../../../electron/main/app-menu';
import { shellTexts } from '../../../electron/main/shell-texts';

const paths = {
  appPath: '/opt/outpost/resources/app.asar',
  mainDir: '/opt/outpost/resources/app.asar/out/main',
  resourcesPath: '/opt/outpost/resources',
};

describe('resolveAppConfig', () => {
  it('loads the app:// origin from the packaged renderer build', () => {
    const config = resolveAppConfig({ isPackaged: true, env: {}, ...paths });
    expect(config).toEqual({
      rendererUrl: 'app://outpost/',
      trustedOrigin: 'app://outpost',
      rendererDir: join(paths.appPath, 'dist', 'renderer'),
      preloadPath: join(paths.appPath, 'out', 'preload', 'index.cjs'),
      trayIconPath: join(paths.resourcesPath, 'tray-icon.png'),
      configuredSyncUrl: null,
      configuredLocalKey: null,
      isDevelopment: false,
    });
  });

  it('ignores a dev server URL in a packaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' };
    expect(resolveAppConfig({ isPackaged: true, env, ...paths }).rendererUrl).toBe('app://outpost/');
  });

  it('uses a loopback dev server during development and trusts only its origin', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' };
    const config = resolveAppConfig({ isPackaged: false, env, ...paths });
    expect(config.rendererUrl).toBe('http://127.0.0.1:5173/');
    expect(config.trustedOrigin).toBe('http://127.0.0.1:5173');
    expect(config.isDevelopment).toBe(true);
  });

  it.each(['https://evil.example', 'http://evil.example:5173', 'file:///tmp/index.html', 'http://user@localhost:5173'])(
    'refuses the non-loopback dev server %s',
    (url) => {
      const config = resolveAppConfig({ isPackaged: false, env: { ELECTRON_RENDERER_URL: url }, ...paths });
      expect(config.trustedOrigin).toBe('app://outpost');
    },
  );

  it('accepts a configured sync server only as a plain http(s) URL', () => {
    expect(parseSyncUrl('https://sync.example.com/')).toBe('https://sync.example.com');
    expect(parseSyncUrl('https://sync.example.com/outpost/')).toBe('https://sync.example.com/outpost');
    expect(parseSyncUrl('https://user:pw@sync.example.com')).toBeNull();
    expect(parseSyncUrl('javascript:alert(1)')).toBeNull();
    expect(parseSyncUrl('https://sync.example.com/?token=1')).toBeNull();
    expect(parseSyncUrl('')).toBeNull();
  });
});

const menu = (platform: NodeJS.Platform, isDevelopment: boolean) =>
  buildAppMenuTemplate({ platform, isDevelopment, texts: shellTexts('en-US'), sendCommand: () => {} });

describe('buildAppMenuTemplate', () => {
  const roles = (template: ReturnType<typeof buildAppMenuTemplate>): unknown[] =>
    template.flatMap((item) => [
      item.role ?? item.label,
      ...(Array.isArray(item.submenu) ? item.submenu.map((s) => s.role) : []),
    ]);

  it('uses standard roles, with the app menu on macOS only', () => {
    expect(roles(menu('darwin', false))).toContain('appMenu');
    const linux = roles(menu('linux', false));
    expect(linux).not.toContain('appMenu');
    expect(linux).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu', 'help', 'about']));
  });

  it('offers reload and developer tools only in development', () => {
    expect(roles(menu('linux', false))).not.toContain('toggleDevTools');
    expect(roles(menu('linux', true))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

describe('the Go menu', () => {
  const goMenu = (locale: string, sendCommand = vi.fn()) => {
    const template = buildAppMenuTemplate({
      platform: 'linux',
      isDevelopment: false,
      texts: shellTexts(locale),
      sendCommand,
    });
    const go = template.find((item) => item.label === shellTexts(locale).goMenu);
    return (go?.submenu ?? []) as MenuItemConstructorOptions[];
  };

  it('offers the command palette on CmdOrCtrl+K, then every section with its accelerator, from one table', () => {
    const items = goMenu('en-US').filter((item) => item.type !== 'separator');
    expect(items.map((item) => [item.label, item.accelerator])).toEqual([
      ['Open command palette', 'CmdOrCtrl+K'],
      ['Pipeline', 'CmdOrCtrl+1'],
      ['Leads', 'CmdOrCtrl+2'],
      ['Deals', 'CmdOrCtrl+3'],
      ['Contacts', 'CmdOrCtrl+4'],
      ['Companies', 'CmdOrCtrl+5'],
      ['Activities', 'CmdOrCtrl+6'],
      ['Call center', 'CmdOrCtrl+7'],
      ['Reports', 'CmdOrCtrl+8'],
      ['Settings', 'CmdOrCtrl+,'],
    ]);
    expect(items.map((item) => item.accelerator)).toEqual(GO_MENU_ITEMS.map((item) => item.accelerator));
    expect(GO_MENU_ITEMS.filter((item) => item.command.startsWith('go:')).map((item) => item.command)).toEqual(
      DESKTOP_SECTIONS.map((section) => `go:${section}`),
    );
    expect(new Set(GO_MENU_ITEMS.map((item) => item.accelerator)).size).toBe(GO_MENU_ITEMS.length);
  });

  it('sends the same desktop command as the hotkeys and the tray when an item is chosen', () => {
    const sendCommand = vi.fn();
    const items = goMenu('en-US', sendCommand);
    const click = (label: string) => (items.find((item) => item.label === label)?.click as () => void)();
    click('Open command palette');
    click('Deals');
    click('Settings');
    expect(sendCommand.mock.calls).toEqual([['open-palette'], ['go:deals'], ['go:settings']]);
  });

  it('speaks the system language', () => {
    const items = goMenu('es-MX').filter((item) => item.type !== 'separator');
    expect(items.slice(0, 3).map((item) => item.label)).toEqual([
      'Abrir la paleta de comandos',
      'Embudo',
      'Prospectos',
    ]);
  });
});
