import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents, WebPreferences } from 'electron';
import { isSameOrigin } from './app-origin';

/**
 * Electron's security checklist as code: an isolated, sandboxed renderer with no Node anywhere,
 * no <webview>, and only the preload bridge. `webSecurity` and friends keep their safe defaults.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    safeDialogs: true,
  };
}

export interface NavigationPolicy {
  /** The only origin a window may show: app://outpost (or the dev server during development). */
  trustedOrigin: string;
  /** Where window.open and target=_blank links go instead of a new window. */
  openExternal: (url: string) => unknown;
}

export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

const hardened = new WeakSet<object>();

/**
 * Guards one WebContents: <webview> is never attached, navigations and redirects leave the trusted
 * origin never (compared by parsed origin, not by prefix), and no window is ever opened: the URL
 * goes to the external-link policy, which opens only safe links in the system browser.
 * Idempotent, so it can run both from the window factory and from `web-contents-created`.
 */
export function hardenWebContents(contents: HardenableContents, policy: NavigationPolicy): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const stayOnTrustedOrigin = (event: { url: string; preventDefault(): void }): void => {
    if (!isSameOrigin(event.url, policy.trustedOrigin)) event.preventDefault();
  };
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', stayOnTrustedOrigin);
  contents.on('will-redirect', stayOnTrustedOrigin);
  contents.setWindowOpenHandler(({ url }) => {
    void policy.openExternal(url);
    return { action: 'deny' };
  });
}

export interface SecureWindowOptions {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  preloadPath: string;
  policy: NavigationPolicy;
  /** Size, position, title, icon...; webPreferences here are ignored in favour of the secure ones. */
  windowOptions?: Omit<BrowserWindowConstructorOptions, 'webPreferences'>;
}

/** Creates a hidden window with secure preferences and guarded contents; shown once painted. */
export function createSecureWindow({
  createWindow,
  preloadPath,
  policy,
  windowOptions,
}: SecureWindowOptions): BrowserWindow {
  const { webPreferences: _ignored, ...rest } = (windowOptions ?? {}) as BrowserWindowConstructorOptions;
  const window = createWindow({ ...rest, show: false, webPreferences: secureWebPreferences(preloadPath) });
  hardenWebContents(window.webContents, policy);
  window.once('ready-to-show', () => window.show());
  return window;
}
