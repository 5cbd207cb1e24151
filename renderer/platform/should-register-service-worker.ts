/** Where the page runs, as far as the app-shell service worker is concerned. */
export interface ServiceWorkerSetting {
  /** From the bridge: the desktop app (Electron, app://) or a plain browser. */
  shell: 'desktop' | 'web';
  /** `location.protocol` of the page. */
  protocol: string;
  /** Whether the browser has service workers at all (`'serviceWorker' in navigator`). */
  supported: boolean;
  /** Vite's development server (`npm run dev`): it serves no sw.js. */
  dev: boolean;
}

/**
 * Only a production build served over http(s) to a plain browser registers the service worker
 * (docs/adr/0017-browser-app-service-worker.md): the desktop app loads its files from disk through
 * app:// and opens offline without one.
 */
export function shouldRegisterServiceWorker(setting: ServiceWorkerSetting): boolean {
  return (
    setting.shell === 'web' &&
    setting.supported &&
    !setting.dev &&
    (setting.protocol === 'http:' || setting.protocol === 'https:')
  );
}
