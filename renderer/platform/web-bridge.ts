import { MAX_SESSION_LENGTH, type OutpostBridge } from '@domain/desktop-bridge';
import { isSafeExternalUrl } from '@domain/external-links';
import { launchKey } from './launch-key';
import { createWebSessionStore } from './web-session-store';

/**
 * The bridge when the UI runs in a plain browser (npm start without Electron, e2e tests): the
 * same contract, with what a browser can do. The sync server is the page's own origin, because in
 * browser mode the sync server also serves the app.
 */
export function createWebBridge(): OutpostBridge {
  const sessions = createWebSessionStore();
  return Object.freeze({
    async appInfo() {
      return { version: import.meta.env.VITE_APP_VERSION ?? '0.1.0', shell: 'web' as const, os: navigator.platform };
    },
    async syncServerUrl() {
      // The server that served the app (or, in `npm run dev`, Vite's proxy to it) is the sync server.
      return location.protocol.startsWith('http') ? location.origin : null;
    },
    async openExternal(url: string) {
      if (!isSafeExternalUrl(url)) return false;
      window.open(url, '_blank', 'noopener,noreferrer');
      return true;
    },
    async notify(title: string, body: string) {
      if (!('Notification' in window)) return;
      if (Notification.permission === 'default') await Notification.requestPermission();
      if (Notification.permission === 'granted') new Notification(title, { body });
    },
    async chooseSyncServer(url: string) {
      // The page's policy (served by the server that served the app) connects to its own origin
      // and to loopback servers only; a team server serves the app itself: open its address.
      let origin: string;
      try {
        origin = new URL(url).origin;
      } catch {
        return 'refused' as const;
      }
      const loopback = /^http:\/\/127\.0\.0\.1:\d+$/.test(origin);
      return origin === location.origin || loopback ? ('ready' as const) : ('refused' as const);
    },
    async localSessionKey(serverUrl: string) {
      // The key came in this page's own address: it belongs to the server that served the page.
      let origin: string | null = null;
      try {
        origin = new URL(serverUrl).origin;
      } catch {
        return null;
      }
      return origin === location.origin ? launchKey() : null;
    },
    readSession: () => sessions.read(),
    // A page has no outpost:// links, no system-wide hotkeys and no tray: the same commands are
    // in-app shortcuts there, which the renderer's own key handling owns.
    onOpenRecord: () => () => {},
    onDesktopCommand: () => () => {},
    async setGlobalHotkeys() {
      return 'unsupported' as const;
    },
    async reportSyncStatus() {},
    async setMenuKeys() {},
    // A browser cannot show a save dialog for the page: saveCsvFile downloads the file instead.
    async saveCsvFile() {
      return 'unsupported' as const;
    },
    async writeSession(value: string | null) {
      if (value !== null && value.length > MAX_SESSION_LENGTH) throw new Error('the session is too large to keep');
      await sessions.write(value);
    },
  });
}
