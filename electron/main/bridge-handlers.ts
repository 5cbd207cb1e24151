import {
  BRIDGE_CHANNELS,
  DESKTOP_SYNC_STATUSES,
  MAX_SAVED_CSV_LENGTH,
  MAX_SESSION_LENGTH,
  MAX_SUGGESTED_FILE_NAME_LENGTH,
  type AppInfo,
  type BridgeMethod,
  type DesktopSyncStatus,
  type GlobalHotkeyMap,
  type GlobalHotkeyResults,
  type MenuKeyMap,
  type OutpostBridge,
  type SaveFileResult,
  type SyncServerChoice,
} from '@domain/desktop-bridge';
import { globalHotkeysArg } from './global-hotkeys';
import type { Handle } from './ipc-handle';
import { menuKeysArg } from './menu-keys';
import { noArgs, nullableStringArg, oneOfArg, stringArgs, type ArgsValidator } from './ipc-validators';

/** What the bridge handlers need from the rest of main; the composition root supplies it. */
export interface BridgeServices {
  appInfo(): AppInfo;
  syncServerUrl(): string | null;
  openExternal(url: string): Promise<boolean>;
  notify(title: string, body: string): void;
  /** The encrypted session store (session-store.ts). */
  readSession(): Promise<string | null>;
  writeSession(value: string | null): Promise<void>;
  /** The sync server chosen on the sign-in screen (sync-server-choice.ts). */
  chooseSyncServer(url: string): Promise<SyncServerChoice>;
  /** The launch key of the single-user server at that URL, if this app started it (local-session-key.ts). */
  localSessionKey(serverUrl: string): string | null;
  /** Replaces the system-wide hotkeys, already checked (global-hotkeys.ts), and remembers them. */
  setGlobalHotkeys(hotkeys: GlobalHotkeyMap): Promise<GlobalHotkeyResults>;
  /** The page's sync status, for the tray. */
  reportSyncStatus(status: DesktopSyncStatus): void;
  /** The page's keys for the "Go" menu, already checked (menu-keys.ts): the menu is rebuilt with them. */
  setMenuKeys(keys: MenuKeyMap): void;
  /** Shows the save dialog and writes the text where the person chose (csv-file-saver.ts). */
  saveCsvFile(suggestedName: string, text: string): Promise<SaveFileResult>;
}

type BridgeHandler<K extends BridgeMethod> = {
  validate: ArgsValidator<Parameters<OutpostBridge[K]>>;
  run: (
    ...args: Parameters<OutpostBridge[K]>
  ) =>
    | Awaited<ReturnType<OutpostBridge[K]>>
    | ReturnType<OutpostBridge[K]>
    | Promise<Awaited<ReturnType<OutpostBridge[K]>>>;
};

/** Generous for any real URL, title or message; small enough that a renderer cannot flood main. */
export const MAX_URL_LENGTH = 2048;
export const MAX_NOTIFICATION_TITLE_LENGTH = 256;
export const MAX_NOTIFICATION_BODY_LENGTH = 4096;

function bridgeHandlers(services: BridgeServices): { [K in BridgeMethod]: BridgeHandler<K> } {
  return {
    appInfo: { validate: noArgs, run: () => services.appInfo() },
    syncServerUrl: { validate: noArgs, run: () => services.syncServerUrl() },
    openExternal: { validate: stringArgs(MAX_URL_LENGTH), run: (url) => services.openExternal(url) },
    notify: {
      validate: stringArgs(MAX_NOTIFICATION_TITLE_LENGTH, MAX_NOTIFICATION_BODY_LENGTH),
      run: (title, body) => services.notify(title, body),
    },
    readSession: { validate: noArgs, run: () => services.readSession() },
    writeSession: { validate: nullableStringArg(MAX_SESSION_LENGTH), run: (value) => services.writeSession(value) },
    chooseSyncServer: { validate: stringArgs(MAX_URL_LENGTH), run: (url) => services.chooseSyncServer(url) },
    localSessionKey: { validate: stringArgs(MAX_URL_LENGTH), run: (url) => services.localSessionKey(url) },
    setGlobalHotkeys: { validate: globalHotkeysArg, run: (hotkeys) => services.setGlobalHotkeys(hotkeys) },
    reportSyncStatus: {
      validate: oneOfArg(DESKTOP_SYNC_STATUSES),
      run: (status) => services.reportSyncStatus(status),
    },
    setMenuKeys: { validate: menuKeysArg, run: (keys) => services.setMenuKeys(keys) },
    saveCsvFile: {
      validate: stringArgs(MAX_SUGGESTED_FILE_NAME_LENGTH, MAX_SAVED_CSV_LENGTH),
      run: (name, text) => services.saveCsvFile(name, text),
    },
  };
}

/**
 * Registers one validated handler per BRIDGE_CHANNELS entry (the mapped type makes a missing
 * method a compile error) and returns the channels it registered.
 */
export function registerBridgeHandlers(handle: Handle, services: BridgeServices): string[] {
  const handlers = bridgeHandlers(services);
  return (Object.keys(BRIDGE_CHANNELS) as BridgeMethod[]).map((method) => {
    const { validate, run } = handlers[method] as BridgeHandler<BridgeMethod>;
    handle(BRIDGE_CHANNELS[method], validate as ArgsValidator<unknown[]>, run as (...args: unknown[]) => unknown);
    return BRIDGE_CHANNELS[method];
  });
}
