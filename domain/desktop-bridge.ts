/**
 * The one typed bridge between the UI and the desktop (docs/adr/0004-desktop-shell-security.md).
 * Preload implements it over IPC in the Electron app (`window.outpost`); a web implementation
 * stands in when the same UI runs in a plain browser. Types and channel names only: no I/O here.
 */
export interface AppInfo {
  version: string;
  /** 'desktop' inside Electron, 'web' in a browser. */
  shell: 'desktop' | 'web';
  os: string;
}

export interface OutpostBridge {
  appInfo(): Promise<AppInfo>;
  /** Base URL of the sync server this device talks to (the embedded one by default), or null. */
  syncServerUrl(): Promise<string | null>;
  /** Open an http(s), mailto, tel or sip link outside the app; anything else is refused. */
  openExternal(url: string): Promise<boolean>;
  /** Show a native notification (reminders, incoming calls). */
  notify(title: string, body: string): Promise<void>;
  /**
   * The signed-in session this device keeps between runs (a serialized SessionGrant and its
   * server), or null. The desktop keeps it encrypted with the OS keychain (Electron safeStorage);
   * the browser encrypts it with a non-extractable WebCrypto key. Never plain localStorage.
   */
  readSession(): Promise<string | null>;
  /** Replace the kept session; null forgets it (sign-out). At most MAX_SESSION_LENGTH characters. */
  writeSession(value: string | null): Promise<void>;
  /**
   * Make `url` this device's sync server, e.g. a team's own server typed on the sign-in screen
   * (the address rule: domain/sync-server-address.ts). 'ready': use it now. 'reload': the desktop
   * allowed its origin in the page's Content-Security-Policy, which applies from the next page
   * load. 'refused': not a usable address, or (in a browser) another origin than the page's, which
   * the page's policy forbids: open that server's own address instead. 'insecure': plain http to
   * another machine. 'unreachable': the desktop could not reach an Outpost server there.
   * 'declined': the user did not allow it in the desktop's own confirmation dialog
   * (docs/adr/0020-sync-server-origin-confirmed-by-main.md).
   */
  chooseSyncServer(url: string): Promise<SyncServerChoice>;
  /**
   * The launch key of the single-user server at `serverUrl` (http origin, path ignored), which its
   * POST /auth/local-session asks for, or null when this app did not start that server. The desktop
   * made it for its embedded server (or received it from `npm start`); in a browser it came once in
   * the printed address (`#k=…`) and is kept in sessionStorage. docs/security.md, "The launch key".
   */
  localSessionKey(serverUrl: string): Promise<string | null>;
}

export type SyncServerChoice = 'ready' | 'reload' | 'refused' | 'insecure' | 'unreachable' | 'declined';

/** Generous for a grant with two tokens; small enough that a renderer cannot flood main. */
export const MAX_SESSION_LENGTH = 16 * 1024;

/** IPC channel per bridge method; main registers exactly these, preload calls exactly these. */
export const BRIDGE_CHANNELS = {
  appInfo: 'outpost:app-info',
  syncServerUrl: 'outpost:sync-server-url',
  openExternal: 'outpost:open-external',
  notify: 'outpost:notify',
  readSession: 'outpost:read-session',
  writeSession: 'outpost:write-session',
  chooseSyncServer: 'outpost:choose-sync-server',
  localSessionKey: 'outpost:local-session-key',
} as const satisfies { [K in keyof OutpostBridge]: `outpost:${string}` };

export type BridgeMethod = keyof typeof BRIDGE_CHANNELS;
export const BRIDGE_METHODS = Object.keys(BRIDGE_CHANNELS) as BridgeMethod[];
