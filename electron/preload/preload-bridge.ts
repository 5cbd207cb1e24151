import { BRIDGE_CHANNELS, type OutpostBridge } from '@domain/desktop-bridge';

/** ipcRenderer.invoke, narrowed: a channel and plain arguments in, a promise out. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * The object behind `window.outpost`: exactly the OutpostBridge methods, each forwarding only its
 * declared arguments (extra ones a page passes are dropped) to its own channel. Nothing else of
 * IPC (ipcRenderer, events, a generic send) is reachable from the page.
 */
export function createPreloadBridge(invoke: Invoke): Readonly<OutpostBridge> {
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
  };
  return Object.freeze(bridge);
}
