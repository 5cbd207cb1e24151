import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../../../electron/main/app-origin';
import { createSecureWindow, hardenWebContents, type HardenableContents } from '../../../electron/main/secure-window';
import { FakeBrowserWindow, FakeWebContents, fakeEvent } from './fake-electron';

function openWindow(windowOptions: Omit<BrowserWindowConstructorOptions, 'webPreferences'> = {}) {
  const openExternal = vi.fn(async (_url: string) => true);
  let created: FakeBrowserWindow | undefined;
  const window = createSecureWindow({
    createWindow: (options) => {
      created = new FakeBrowserWindow(options);
      return created as unknown as BrowserWindow;
    },
    preloadPath: '/app/out/preload/index.cjs',
    policy: { trustedOrigin: APP_ORIGIN, openExternal },
    windowOptions,
  });
  if (!created) throw new Error('the factory did not create a window');
  expect(window).toBe(created);
  return { window: created, contents: created.webContents, openExternal };
}

function navigate(contents: FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string) {
  const navigation = fakeEvent({ url, isMainFrame: true });
  contents.emit(event, navigation);
  return navigation.defaultPrevented;
}

describe('createSecureWindow', () => {
  it('creates the window with context isolation, sandbox, no Node and no <webview>', () => {
    const { window } = openWindow();
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      safeDialogs: true,
    });
    expect(window.options.webPreferences).not.toHaveProperty('webSecurity');
    expect(window.options.webPreferences).not.toHaveProperty('allowRunningInsecureContent');
  });

  it('ignores webPreferences smuggled in through the window options', () => {
    const { window } = openWindow({
      width: 1000,
      webPreferences: { nodeIntegration: true, sandbox: false },
    } as BrowserWindowConstructorOptions);
    expect(window.options.width).toBe(1000);
    expect(window.options.webPreferences).toMatchObject({ nodeIntegration: false, sandbox: true });
  });

  it('starts hidden and shows the window once it has painted', () => {
    const { window } = openWindow();
    expect(window.options.show).toBe(false);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('cancels attaching a <webview>', () => {
    const { contents } = openWindow();
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, {}, { src: 'https://evil.example' });
    expect(attach.defaultPrevented).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'app://outpost.evil/',
    'app://evil/',
    'app://user@outpost/',
    'app://user:password@outpost/index.html',
    'app://outpost:8080/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
  ])('prevents navigating or redirecting to %s', (url) => {
    const { contents } = openWindow();
    expect(navigate(contents, 'will-navigate', url)).toBe(true);
    expect(navigate(contents, 'will-redirect', url)).toBe(true);
  });

  it.each(['app://outpost/', 'app://outpost/index.html', 'app://OUTPOST/deals?id=1#top'])(
    'allows navigating within the app origin: %s',
    (url) => {
      const { contents } = openWindow();
      expect(navigate(contents, 'will-navigate', url)).toBe(false);
      expect(navigate(contents, 'will-redirect', url)).toBe(false);
    },
  );

  it('denies every new window and hands the URL to the external-link policy', () => {
    const { contents, openExternal } = openWindow();
    for (const url of ['https://example.com/docs', 'javascript:alert(1)', 'app://outpost/']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://example.com/docs',
      'javascript:alert(1)',
      'app://outpost/',
    ]);
  });
});

describe('hardenWebContents', () => {
  it('guards any WebContents once, however often it is called', () => {
    const contents = new FakeWebContents();
    const policy = { trustedOrigin: APP_ORIGIN, openExternal: vi.fn() };
    hardenWebContents(contents as unknown as HardenableContents, policy);
    hardenWebContents(contents as unknown as HardenableContents, policy);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('trusts the dev server origin when that is the trusted origin, and nothing else', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as HardenableContents, {
      trustedOrigin: 'http://127.0.0.1:5173',
      openExternal: vi.fn(),
    });
    expect(navigate(contents, 'will-navigate', 'http://127.0.0.1:5173/#/deals')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'http://127.0.0.1:5174/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://outpost/')).toBe(true);
  });
});
