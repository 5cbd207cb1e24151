import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSyncUrl, resolveAppConfig } from '../../../electron/main/app-config';
import { DESKTOP_SECTIONS, type MenuKeyMap } from '@domain/desktop-bridge';
import type { MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';
import { buildAppMenuTemplate } from '../../../electron/main/app-menu';
import { menuKeysArg } from '../../../electron/main/menu-keys';
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
  buildAppMenuTemplate({ platform, isDevelopment, texts: shellTexts('en-US'), sendCommand: () => {}, keys: {} });

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
  const goMenu = (
    locale: string,
    sendCommand = vi.fn(),
    keys: MenuKeyMap = {},
    platform: NodeJS.Platform = 'linux',
  ) => {
    const template = buildAppMenuTemplate({
      platform,
      isDevelopment: false,
      texts: shellTexts(locale),
      sendCommand,
      keys,
    });
    const go = template.find((item) => item.label === shellTexts(locale).goMenu);
    return (go?.submenu ?? []) as MenuItemConstructorOptions[];
  };
  const rows = (items: MenuItemConstructorOptions[]) =>
    items
      .filter((item) => item.type !== 'separator')
      .map((item) => [item.label, item.accelerator, item.registerAccelerator]);

  /** The keys the page's registry has by default for the menu's commands. */
  const registryDefaults: MenuKeyMap = {
    'open-palette': 'Mod+k',
    'go:pipeline': 'g p',
    'go:leads': 'g l',
    'go:deals': 'g d',
    'go:contacts': 'g c',
    'go:companies': 'g o',
    'go:activities': 'g a',
    'go:reports': 'g r',
    'go:settings': 'g s',
  };

  it('offers the palette, then every section in the order of the app’s navigation', () => {
    expect(
      goMenu('en-US')
        .filter((item) => item.type !== 'separator')
        .map((item) => item.label),
    ).toEqual(['Open command palette', ...DESKTOP_SECTIONS.map((section) => shellTexts('en-US').sections[section])]);
  });

  it('shows the page’s keys: a modified key as an accelerator the page hears itself, a sequence beside the label', () => {
    expect(rows(goMenu('en-US', vi.fn(), registryDefaults))).toEqual([
      ['Open command palette', 'CmdOrCtrl+K', false],
      ['Pipeline (G then P)', undefined, undefined],
      ['Leads (G then L)', undefined, undefined],
      ['Deals (G then D)', undefined, undefined],
      ['Contacts (G then C)', undefined, undefined],
      ['Companies (G then O)', undefined, undefined],
      ['Activities (G then A)', undefined, undefined],
      ['Call center', undefined, undefined],
      ['Reports (G then R)', undefined, undefined],
      ['Settings (G then S)', undefined, undefined],
    ]);
    expect(rows(goMenu('es-ES', vi.fn(), registryDefaults))[1]).toEqual(['Embudo (G y luego P)', undefined, undefined]);
  });

  it('follows the user’s own keys, and never makes a bare key an accelerator that would leave text fields', () => {
    const keys: MenuKeyMap = {
      'open-palette': 'Mod+Shift+p',
      'go:deals': 'Alt+3',
      'go:leads': '?',
      'go:reports': 'Mod++',
    };
    expect(rows(goMenu('en-US', vi.fn(), keys)).filter(([, accelerator]) => accelerator)).toEqual([
      ['Open command palette', 'CmdOrCtrl+Shift+P', false],
      ['Deals', 'Alt+3', false],
      ['Reports', 'CmdOrCtrl+Plus', false],
    ]);
    expect(goMenu('en-US', vi.fn(), keys).find((item) => item.label?.startsWith('Leads'))?.label).toBe('Leads (?)');
    // On a Mac the page writes Control as Ctrl and Cmd as Mod.
    const mac = rows(goMenu('en-US', vi.fn(), { 'open-palette': 'Ctrl+k', 'go:deals': 'g d' }, 'darwin'));
    expect(mac[0]).toEqual(['Open command palette', 'Control+K', false]);
    expect(mac[3]).toEqual(['Deals (G then D)', undefined, undefined]);
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

describe('the menu keys the page sends', () => {
  it('takes a plain map of menu commands to bindings', () => {
    expect(menuKeysArg([{ 'open-palette': 'Mod+k', 'go:leads': 'g l' }])).toEqual({
      ok: true,
      args: [{ 'open-palette': 'Mod+k', 'go:leads': 'g l' }],
    });
  });

  it('refuses a command outside the menu, a binding that is not keys, oversized input and odd shapes', () => {
    for (const args of [
      [{ 'quick-log': 'Mod+l' }],
      [{ 'go:leads': 'Hyper+l' }],
      [{ 'go:leads': 'g g g g' }],
      [{ 'go:leads': 'k'.repeat(61) }],
      [{ 'go:leads': ['g l'] }],
      [['g l']],
      [null],
      [Object.create({ 'go:leads': 'g l' })],
      [{ 'go:leads': 'g l' }, 'extra'],
      [],
    ]) {
      expect(menuKeysArg(args).ok, JSON.stringify(args)).toBe(false);
    }
  });
});
