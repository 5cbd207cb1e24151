import { DEFAULT_GLOBAL_HOTKEYS, DESKTOP_EVENT_CHANNEL } from '@domain/desktop-bridge';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeTray, fakeEvent, type FakeElectron } from './fake-electron';
import { invokeFromApp, mainWindow, startMainProcess } from './main-bootstrap';

const ID = '0193a4b2-7c3d-7e10-8f00-0123456789ab';
const LINK = `outpost://deals/${ID}`;
const openRecord = (id = ID, collection = 'deals') => [
  DESKTOP_EVENT_CHANNEL,
  { kind: 'open-record', link: { collection, id } },
];
const command = (name: string) => [DESKTOP_EVENT_CHANNEL, { kind: 'command', command: name }];

/** The page in the main window has run its scripts (Electron's did-finish-load). */
function pageLoaded(window: FakeBrowserWindow): void {
  window.webContents.emit('did-finish-load');
}

async function readyApp(configure?: (fake: FakeElectron) => void) {
  const fake = await startMainProcess(configure);
  const window = await mainWindow();
  await vi.waitFor(() => expect(FakeTray.instances).toHaveLength(1));
  return { fake, window, tray: FakeTray.instances[0]! };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('outpost:// links reaching the running app', () => {
  it('opens a link from a second launch in the existing window, once its page has loaded', async () => {
    const { fake, window } = await readyApp();
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['/opt/Outpost/outpost', '--no-sandbox', LINK], '/home/ana');
    expect(window.restore).toHaveBeenCalled();
    expect(window.webContents.send).not.toHaveBeenCalled();
    pageLoaded(window);
    expect(window.webContents.send.mock.calls).toEqual([openRecord()]);
    fake.app.emit('second-instance', {}, [`outpost://contacts/${ID}`], '/');
    expect(window.webContents.send).toHaveBeenLastCalledWith(...openRecord(ID, 'contacts'));
  });

  it('keeps a macOS open-url that comes before the app is ready and delivers it to the first page', async () => {
    let becomeReady: () => void = () => {};
    const fake = await startMainProcess((f) => {
      f.app.ready = false;
      f.app.whenReady.mockImplementation(
        () =>
          new Promise<void>((resolve) => {
            becomeReady = () => {
              f.app.ready = true;
              resolve();
            };
          }),
      );
    });
    const openUrl = fakeEvent();
    fake.app.emit('open-url', openUrl, LINK);
    expect(openUrl.defaultPrevented).toBe(true);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    becomeReady();
    const window = await mainWindow();
    expect(window.webContents.send).not.toHaveBeenCalled();
    pageLoaded(window);
    expect(window.webContents.send.mock.calls).toEqual([openRecord()]);
  });

  it('opens a link the app was launched with (Windows, Linux)', async () => {
    vi.spyOn(process, 'argv', 'get').mockReturnValue(['/opt/Outpost/outpost', LINK]);
    const { window } = await readyApp();
    pageLoaded(window);
    expect(window.webContents.send.mock.calls).toEqual([openRecord()]);
  });

  it('ignores a link it does not open and logs it quoted and cut short, never sending it on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { fake, window } = await readyApp();
    pageLoaded(window);
    fake.app.emit('second-instance', {}, [`outpost://users/${ID}`], '/');
    fake.app.emit('open-url', fakeEvent(), `outpost://deals/../contacts/${ID}\nforged line${'x'.repeat(5000)}`);
    expect(window.webContents.send).not.toHaveBeenCalled();
    const lines = warn.mock.calls
      .map((args) => String(args.join(' ')))
      .filter((line) => line.includes('Ignored a link'));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(line.length).toBeLessThan(250);
    }
  });

  it('holds links while the page reloads and delivers them to the reloaded page', async () => {
    const { fake, window } = await readyApp();
    pageLoaded(window);
    window.webContents.emit('did-navigate');
    fake.app.emit('second-instance', {}, [LINK], '/');
    expect(window.webContents.send).not.toHaveBeenCalled();
    pageLoaded(window);
    expect(window.webContents.send.mock.calls).toEqual([openRecord()]);
  });

  it('makes an installed app the system handler of outpost:// links, and a development build not', async () => {
    const dev = await readyApp();
    expect(dev.fake.app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
    vi.stubEnv('OUTPOST_SYNC_URL', 'https://sync.example.com');
    // Electron sets process.resourcesPath; Node has none.
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/Outpost/resources', configurable: true });
    try {
      const packaged = await startMainProcess((f) => (f.app.isPackaged = true));
      expect(packaged.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('outpost');
      await vi.waitFor(() =>
        expect(FakeTray.instances.at(-1)?.image).toBe(join('/opt/Outpost/resources', 'tray-icon.png')),
      );
    } finally {
      Reflect.deleteProperty(process, 'resourcesPath');
      vi.unstubAllEnvs();
    }
  });
});

describe('global hotkeys', () => {
  it('registers the defaults at start; show/hide toggles the window and the others reach the page', async () => {
    const { fake, window } = await readyApp();
    pageLoaded(window);
    const shortcuts = fake.globalShortcut.registered;
    expect([...shortcuts.keys()]).toEqual(Object.values(DEFAULT_GLOBAL_HOTKEYS));
    shortcuts.get('CommandOrControl+Shift+O')?.();
    expect(window.hide).toHaveBeenCalledOnce();
    shortcuts.get('CommandOrControl+Shift+O')?.();
    expect(window.visible).toBe(true);
    shortcuts.get('CommandOrControl+Shift+K')?.();
    shortcuts.get('CommandOrControl+Shift+L')?.();
    expect(window.webContents.send.mock.calls).toEqual([command('open-palette'), command('quick-log')]);
  });

  it('remaps through the bridge, reports a key another app holds per command, and remembers the choice', async () => {
    const { fake } = await readyApp();
    fake.globalShortcut.takenElsewhere.add('Control+Alt+L');
    const results = await invokeFromApp(fake, 'outpost:set-global-hotkeys', {
      'toggle-window': 'ctrl+alt+o',
      'quick-log': 'Ctrl+Alt+L',
      'open-palette': null,
    });
    expect(results).toEqual({ 'toggle-window': 'registered', 'open-palette': 'off', 'quick-log': 'failed' });
    expect([...fake.globalShortcut.registered.keys()]).toEqual(['Control+Alt+O']);
    const file = join(fake.app.getPath('userData'), 'global-hotkeys.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      'toggle-window': 'Control+Alt+O',
      'quick-log': 'Control+Alt+L',
      'open-palette': null,
    });
  });

  it('starts with the remembered hotkeys', async () => {
    const { fake } = await readyApp((f) =>
      writeFileSync(join(f.app.getPath('userData'), 'global-hotkeys.json'), '{"open-palette":"Alt+Space"}'),
    );
    expect([...fake.globalShortcut.registered.keys()].sort()).toEqual([
      'Alt+Space',
      'CommandOrControl+Shift+L',
      'CommandOrControl+Shift+O',
    ]);
  });

  it('refuses unknown commands, plain keys and too many entries before touching any hotkey', async () => {
    const { fake } = await readyApp();
    const set = (...args: unknown[]) => invokeFromApp(fake, 'outpost:set-global-hotkeys', ...args);
    await expect(set({ 'open-devtools': 'Ctrl+Alt+I' })).rejects.toThrow(/unknown hotkey command/);
    await expect(set({ 'quick-log': 'L' })).rejects.toThrow(/modifier other than Shift/);
    await expect(set({ 'quick-log': 'Ctrl+Alt+L', a: null, b: null, c: null })).rejects.toThrow(/at most 3/);
    await expect(set()).rejects.toThrow(/expected 1 argument/);
    expect(fake.globalShortcut.unregisterAll).toHaveBeenCalledOnce();
    expect(fake.globalShortcut.registered.size).toBe(3);
  });

  it('refuses a caller from another origin', async () => {
    const { fake } = await readyApp();
    const handler = fake.ipcMain.handlers.get('outpost:set-global-hotkeys')!;
    const senderFrame = { origin: 'https://evil.example', url: 'https://evil.example/', parent: null };
    await expect(Promise.resolve(handler({ senderFrame }, { 'quick-log': 'Ctrl+Alt+L' }))).rejects.toThrow(
      /not trusted/,
    );
    expect(fake.globalShortcut.unregisterAll).toHaveBeenCalledOnce();
  });

  it('unregisters every hotkey and removes the tray icon when Outpost quits', async () => {
    const { fake, tray } = await readyApp();
    fake.app.emit('will-quit', fakeEvent());
    expect(fake.globalShortcut.registered.size).toBe(0);
    expect(tray.destroyed).toBe(true);
  });
});

describe('the tray and the Go menu', () => {
  it('shows the sync status the page reports, and refuses a status outside the list', async () => {
    const { fake, tray } = await readyApp();
    expect(tray.image).toMatch(/build[\\/]tray-icon\.png$/);
    expect(tray.toolTip).toBe('Outpost');
    await invokeFromApp(fake, 'outpost:report-sync-status', 'offline');
    expect(tray.toolTip).toBe('Outpost — Offline');
    await expect(invokeFromApp(fake, 'outpost:report-sync-status', 'Hacked <b>')).rejects.toThrow(/allowed values/);
    await expect(invokeFromApp(fake, 'outpost:report-sync-status', 'synced', 'extra')).rejects.toThrow(/expected 1/);
    expect(tray.toolTip).toBe('Outpost — Offline');
  });

  it('speaks the system language', async () => {
    const { fake, tray } = await readyApp((f) => f.app.getLocale.mockReturnValue('es-AR'));
    await invokeFromApp(fake, 'outpost:report-sync-status', 'sign-in-needed');
    expect(tray.toolTip).toBe('Outpost — Hay que iniciar sesión');
  });

  it('runs its quick actions: new lead and the palette reach the page, quit quits', async () => {
    const { fake, window, tray } = await readyApp();
    pageLoaded(window);
    const items = (tray.contextMenu?.template ?? []) as MenuItemConstructorOptions[];
    const click = (label: string) => (items.find((item) => item.label === label)?.click as () => void)();
    window.hide();
    click('New lead');
    expect(window.visible).toBe(true);
    click('Open command palette');
    expect(window.webContents.send.mock.calls).toEqual([command('new-lead'), command('open-palette')]);
    click('Quit Outpost');
    expect(fake.app.quit).toHaveBeenCalled();
  });

  it('sends the Go menu commands to the page', async () => {
    const { fake, window } = await readyApp();
    pageLoaded(window);
    const template = fake.Menu.setApplicationMenu.mock.calls[0]?.[0].template as MenuItemConstructorOptions[];
    const go = template.find((item) => item.label === 'Go')?.submenu as MenuItemConstructorOptions[];
    (go.find((item) => item.label === 'Leads')?.click as () => void)();
    (go.find((item) => item.label === 'Open command palette')?.click as () => void)();
    expect(window.webContents.send.mock.calls).toEqual([command('go:leads'), command('open-palette')]);
  });

  it('rebuilds the Go menu with the keys the page has in force, and refuses keys that are not keys', async () => {
    const { fake } = await readyApp();
    const goMenu = () => {
      const calls = fake.Menu.setApplicationMenu.mock.calls;
      const template = calls[calls.length - 1]?.[0].template as MenuItemConstructorOptions[];
      return template.find((item) => item.label === 'Go')?.submenu as MenuItemConstructorOptions[];
    };
    expect(goMenu().some((item) => item.accelerator)).toBe(false);
    await invokeFromApp(fake, 'outpost:set-menu-keys', { 'open-palette': 'Mod+Shift+p', 'go:leads': 'g e' });
    expect(goMenu().find((item) => item.label === 'Open command palette')?.accelerator).toBe('CmdOrCtrl+Shift+P');
    expect(goMenu().some((item) => item.label === 'Leads (G then E)')).toBe(true);
    const rebuilt = fake.Menu.setApplicationMenu.mock.calls.length;
    await expect(invokeFromApp(fake, 'outpost:set-menu-keys', { 'go:leads': 'Hyper+e' })).rejects.toThrow(/menu keys/);
    expect(fake.Menu.setApplicationMenu.mock.calls).toHaveLength(rebuilt);
  });
});
