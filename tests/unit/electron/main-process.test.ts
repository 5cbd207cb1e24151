import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES } from '../../../electron/main/app-protocol';
import { FakeBrowserWindow, FakeWebContents, fakeEvent } from './fake-electron';
import { invokeFromApp, mainWindow, startMainProcess } from './main-bootstrap';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('main process composition root', () => {
  it('registers the privileged app:// scheme and the sandbox before the app is ready', async () => {
    const fake = await startMainProcess();
    await mainWindow();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    const registered = fake.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0] ?? Infinity;
    const ready = fake.app.whenReady.mock.invocationCallOrder[0] ?? -Infinity;
    expect(registered).toBeLessThan(ready);
    expect(fake.app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(ready);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('denies permissions by default on the default session', async () => {
    const fake = await startMainProcess();
    await mainWindow();
    const session = fake.session.defaultSession;
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    expect(check(null, 'media', 'app://outpost', {})).toBe(false);
  });

  it('opens one secure window on app://outpost/ with the bundled preload', async () => {
    const fake = await startMainProcess();
    const window = await mainWindow();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.loadURL).toHaveBeenCalledWith('app://outpost/');
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(window.options.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.options).toMatchObject({ width: 1280, height: 800, minWidth: 800, minHeight: 560 });
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });

  it('reopens the window where the user left it, from window-state.json under userData', async () => {
    const fake = await startMainProcess((f) => {
      const state = { bounds: { x: 40, y: 30, width: 1500, height: 950 }, isMaximized: true };
      writeFileSync(join(f.app.getPath('userData'), 'window-state.json'), JSON.stringify(state));
    });
    const window = await mainWindow();
    expect(window.options).toMatchObject({ x: 40, y: 30, width: 1500, height: 950 });
    expect(window.maximize).toHaveBeenCalledOnce();
    window.emit('close');
    await vi.waitFor(() => {
      const saved = JSON.parse(readFileSync(join(fake.app.getPath('userData'), 'window-state.json'), 'utf8'));
      expect(saved).toEqual({ bounds: { x: 40, y: 30, width: 1500, height: 950 }, isMaximized: true });
    });
  });

  it('serves the renderer build with the CSP, including a configured sync server', async () => {
    vi.stubEnv('OUTPOST_SYNC_URL', 'https://sync.example.com/');
    const fake = await startMainProcess();
    await mainWindow();
    const handler = fake.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://outpost/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain(
      "connect-src 'self' http://127.0.0.1:* https://sync.example.com;",
    );
    await expect(invokeFromApp(fake, 'outpost:sync-server-url')).resolves.toBe('https://sync.example.com');
  });

  it('lets a new sync server into the CSP only after main reached it and the user allowed it in a native dialog', async () => {
    vi.stubEnv('OUTPOST_SYNC_URL', '');
    const fake = await startMainProcess();
    const window = await mainWindow();
    const policy = async () => {
      const handler = fake.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
      return (await handler(new Request('app://outpost/'))).headers.get('content-security-policy') ?? '';
    };
    const choose = (url: string) => invokeFromApp(fake, 'outpost:choose-sync-server', url);

    // The user says Cancel: the page asked, nothing changed.
    await expect(choose('https://crm.andes.example')).resolves.toBe('declined');
    expect(await policy()).not.toContain('crm.andes.example');
    expect(fake.net.fetch.mock.calls[0]?.[0]).toBe('https://crm.andes.example/auth/status');
    const [parent, prompt] = fake.dialog.showMessageBox.mock.calls[0] as [
      unknown,
      { message: string; buttons: string[] },
    ];
    expect(parent).toBe(window);
    expect(prompt.message).toBe('Connect Outpost to https://crm.andes.example?');
    expect(prompt.buttons).toEqual(['Cancel', 'Connect']);

    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await expect(choose('https://crm.andes.example')).resolves.toBe('reload');
    expect(await policy()).toContain("connect-src 'self' http://127.0.0.1:* https://crm.andes.example;");
    await expect(invokeFromApp(fake, 'outpost:sync-server-url')).resolves.toBe('https://crm.andes.example');

    // Plain http to another machine is refused before anything is fetched or asked.
    await expect(choose('http://crm.elsewhere.example')).resolves.toBe('insecure');
    expect(fake.net.fetch).toHaveBeenCalledTimes(2);
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('answers the bridge: app info, no sync server yet, guarded links, notifications', async () => {
    vi.stubEnv('OUTPOST_SYNC_URL', '');
    const fake = await startMainProcess();
    await mainWindow();
    await expect(invokeFromApp(fake, 'outpost:app-info')).resolves.toEqual({
      version: '0.1.0',
      shell: 'desktop',
      os: process.platform,
    });
    await expect(invokeFromApp(fake, 'outpost:sync-server-url')).resolves.toBeNull();
    await expect(invokeFromApp(fake, 'outpost:open-external', 'file:///etc/passwd')).resolves.toBe(false);
    await expect(invokeFromApp(fake, 'outpost:open-external', 'https://example.com/')).resolves.toBe(true);
    expect(fake.shell.openExternal.mock.calls).toEqual([['https://example.com/']]);
    await invokeFromApp(fake, 'outpost:notify', 'Call back', 'Ana at 15:00');
    const { Notification } = fake;
    expect(Notification.shown).toEqual([{ title: 'Call back', body: 'Ana at 15:00' }]);
    await expect(invokeFromApp(fake, 'outpost:open-external', 42)).rejects.toThrow(/must be a string/);
  });

  it('hands the app the launch key `npm start` made, for the server it started and no other', async () => {
    vi.stubEnv('OUTPOST_SYNC_URL', 'http://127.0.0.1:5183');
    vi.stubEnv('OUTPOST_LOCAL_KEY', 'key-made-by-npm-start-0123456789');
    const fake = await startMainProcess();
    await mainWindow();
    expect(process.env.OUTPOST_LOCAL_KEY).toBeUndefined();
    const keyFor = (...args: unknown[]) => invokeFromApp(fake, 'outpost:local-session-key', ...args);
    await expect(keyFor('http://127.0.0.1:5183')).resolves.toBe('key-made-by-npm-start-0123456789');
    await expect(keyFor('http://127.0.0.1:5183/')).resolves.toBe('key-made-by-npm-start-0123456789');
    await expect(keyFor('http://127.0.0.1:5184')).resolves.toBeNull();
    await expect(keyFor('https://sync.example.com')).resolves.toBeNull();
    await expect(keyFor('not a url')).resolves.toBeNull();
    await expect(keyFor()).rejects.toThrow(/expected 1 argument/);
    await expect(keyFor(42)).rejects.toThrow(/must be a string/);
  });

  it('hands out no launch key for a server it did not start', async () => {
    vi.stubEnv('OUTPOST_SYNC_URL', 'https://sync.example.com');
    vi.stubEnv('OUTPOST_LOCAL_KEY', '');
    const fake = await startMainProcess();
    await mainWindow();
    await expect(invokeFromApp(fake, 'outpost:local-session-key', 'https://sync.example.com')).resolves.toBeNull();
  });

  it('guards every WebContents the app creates, not only its own windows', async () => {
    const fake = await startMainProcess();
    await mainWindow();
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    const navigation = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('quits a second instance before doing anything else', async () => {
    const fake = await startMainProcess((f) => f.app.requestSingleInstanceLock.mockReturnValue(false));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('brings the existing window forward when a second instance starts', async () => {
    const fake = await startMainProcess();
    const window = await mainWindow();
    window.minimized = true;
    fake.app.emit('second-instance', {}, [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('reopens a window on macOS activate when none is left', async () => {
    const fake = await startMainProcess();
    const window = await mainWindow();
    fake.app.emit('activate');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    window.destroyed = true;
    window.emit('closed');
    fake.app.emit('activate');
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(2));
  });

  it('quits when the last window closes, except on macOS', async () => {
    const fake = await startMainProcess();
    await mainWindow();
    fake.app.emit('window-all-closed');
    if (process.platform === 'darwin') expect(fake.app.quit).not.toHaveBeenCalled();
    else expect(fake.app.quit).toHaveBeenCalledOnce();
  });

  it('stops the embedded sync server before quitting', async () => {
    const fake = await startMainProcess();
    await mainWindow();
    const quitting = fakeEvent();
    fake.app.emit('will-quit', quitting);
    expect(quitting.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledOnce());
    const again = fakeEvent();
    fake.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });
});
