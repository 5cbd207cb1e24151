import {
  BRIDGE_CHANNELS,
  DESKTOP_EVENT_CHANNEL,
  isDesktopEvent,
  type DesktopCommand,
  type DesktopEvent,
  type OutpostBridge,
  type RecordLink,
} from '@domain/desktop-bridge';

/** ipcRenderer.invoke, narrowed: a channel and plain arguments in, a promise out. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/** ipcRenderer.on for DESKTOP_EVENT_CHANNEL, narrowed to the payload (the IPC event stays in preload). */
export type ListenToMain = (channel: string, listener: (payload: unknown) => void) => void;

/**
 * The object behind `window.outpost`: exactly the OutpostBridge methods, each forwarding only its
 * declared arguments (extra ones a page passes are dropped) to its own channel. Events from main
 * arrive on one channel, heard once here; the page's listeners get only a checked link or
 * command, never the IPC event (whose `sender` is ipcRenderer itself). Nothing else of IPC
 * (ipcRenderer, events, a generic send) is reachable from the page.
 */
export function createPreloadBridge(invoke: Invoke, listenToMain: ListenToMain): Readonly<OutpostBridge> {
  const linkListeners = new Set<(link: RecordLink) => void>();
  const commandListeners = new Set<(command: DesktopCommand) => void>();
  listenToMain(DESKTOP_EVENT_CHANNEL, (payload) => {
    if (!isDesktopEvent(payload)) return;
    const event: DesktopEvent = payload;
    // Copies: a listener cannot reach (or change) what another listener receives.
    if (event.kind === 'open-record') {
      for (const listener of [...linkListeners]) listener({ collection: event.link.collection, id: event.link.id });
    } else {
      for (const listener of [...commandListeners]) listener(event.command);
    }
  });
  const subscribe =
    <T>(listeners: Set<(value: T) => void>) =>
    (listener: (value: T) => void): (() => void) => {
      if (typeof listener !== 'function') throw new TypeError('the listener must be a function');
      // Each subscription is its own entry, so subscribing one function twice needs two unsubscribes.
      const entry = (value: T): void => listener(value);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    };

  const bridge: OutpostBridge = {
    appInfo: () => invoke(BRIDGE_CHANNELS.appInfo) as ReturnType<OutpostBridge['appInfo']>,
    syncServerUrl: () => invoke(BRIDGE_CHANNELS.syncServerUrl) as ReturnType<OutpostBridge['syncServerUrl']>,
    openExternal: (url) => invoke(BRIDGE_CHANNELS.openExternal, url) as ReturnType<OutpostBridge['openExternal']>,
    notify: (title, body) => invoke(BRIDGE_CHANNELS.notify, title, body) as ReturnType<OutpostBridge['notify']>,
    readSession: () => invoke(BRIDGE_CHANNELS.readSession) as ReturnType<OutpostBridge['readSession']>,
    writeSession: (value) => invoke(BRIDGE_CHANNELS.writeSession, value) as ReturnType<OutpostBridge['writeSession']>,
    chooseSyncServer: (url) =>
      invoke(BRIDGE_CHANNELS.chooseSyncServer, url) as ReturnType<OutpostBridge['chooseSyncServer']>,
    localSessionKey: (serverUrl) =>
      invoke(BRIDGE_CHANNELS.localSessionKey, serverUrl) as ReturnType<OutpostBridge['localSessionKey']>,
    setGlobalHotkeys: (hotkeys) =>
      invoke(BRIDGE_CHANNELS.setGlobalHotkeys, hotkeys) as ReturnType<OutpostBridge['setGlobalHotkeys']>,
    reportSyncStatus: (status) =>
      invoke(BRIDGE_CHANNELS.reportSyncStatus, status) as ReturnType<OutpostBridge['reportSyncStatus']>,
    setMenuKeys: (keys) => invoke(BRIDGE_CHANNELS.setMenuKeys, keys) as ReturnType<OutpostBridge['setMenuKeys']>,
    saveCsvFile: (suggestedName, text) =>
      invoke(BRIDGE_CHANNELS.saveCsvFile, suggestedName, text) as ReturnType<OutpostBridge['saveCsvFile']>,
    onOpenRecord: subscribe(linkListeners),
    onDesktopCommand: subscribe(commandListeners),
  };
  return Object.freeze(bridge);
}
