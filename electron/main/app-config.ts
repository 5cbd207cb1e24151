import { join } from 'node:path';
import { checkSyncServerAddress } from '@domain/sync-server-address';
import { APP_ORIGIN } from './app-origin';

export interface AppConfig {
  /** What the main window loads: app://outpost/, or the Vite dev server during development. */
  rendererUrl: string;
  /** The one origin trusted by navigation, IPC and permission checks; follows rendererUrl. */
  trustedOrigin: string;
  /** The renderer build that the app:// protocol serves. */
  rendererDir: string;
  preloadPath: string;
  /**
   * The tray icon: copied beside app.asar by electron-builder (`extraResources`) in an installed
   * app, read from build/ during development. Its @2x twin beside it serves high-density screens.
   */
  trayIconPath: string;
  /** A sync server chosen by configuration (a team server), or null for the embedded default. */
  configuredSyncUrl: string | null;
  /** The launch key of the configured server when the script that started it passed one (`npm start`). */
  configuredLocalKey: string | null;
  isDevelopment: boolean;
}

export interface AppConfigInputs {
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** app.getAppPath(): the project folder in development, app.asar when packaged. */
  appPath: string;
  /** Folder of the built main bundle (out/main). */
  mainDir: string;
  /** process.resourcesPath: where an installed app's extra resources are. */
  resourcesPath: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A dev server URL is honoured only in an unpackaged app and only on loopback http. */
function devServerUrl(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && url.username === '' ? url : null;
  } catch {
    return null;
  }
}

/**
 * OUTPOST_SYNC_URL or a remembered choice: an address the sync server rule accepts (https, or
 * http to this machine only; domain/sync-server-address.ts), normalised without a trailing slash.
 */
export function parseSyncUrl(value: string | undefined): string | null {
  if (!value) return null;
  const address = checkSyncServerAddress(value);
  return address.ok ? address.url : null;
}

export const TRAY_ICON_FILE = 'tray-icon.png';

export function resolveAppConfig({ isPackaged, env, appPath, mainDir, resourcesPath }: AppConfigInputs): AppConfig {
  const devServer = isPackaged ? null : devServerUrl(env.ELECTRON_RENDERER_URL);
  return {
    rendererUrl: devServer ? devServer.href : `${APP_ORIGIN}/`,
    trustedOrigin: devServer ? devServer.origin : APP_ORIGIN,
    rendererDir: join(appPath, 'dist', 'renderer'),
    preloadPath: join(mainDir, '..', 'preload', 'index.cjs'),
    trayIconPath: isPackaged ? join(resourcesPath, TRAY_ICON_FILE) : join(appPath, 'build', TRAY_ICON_FILE),
    configuredSyncUrl: parseSyncUrl(env.OUTPOST_SYNC_URL),
    configuredLocalKey: env.OUTPOST_LOCAL_KEY || null,
    isDevelopment: !isPackaged,
  };
}
