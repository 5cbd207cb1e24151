/**
 * The seam for the single-user sync server that the desktop app may run in-process (a later issue
 * plugs sync-server/'s buildServer in here, on a loopback port). Main starts it before the first
 * window, stops it on quit, and the bridge's syncServerUrl() reports its URL.
 */
export interface EmbeddedSyncServer {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Base URL such as http://127.0.0.1:43817 once started, else null. */
  url(): string | null;
}

/** Until the embedded server lands: nothing runs and there is no URL. */
export function createNoEmbeddedSyncServer(): EmbeddedSyncServer {
  return {
    async start() {},
    async stop() {},
    url: () => null,
  };
}
