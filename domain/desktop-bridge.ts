/**
 * The one typed bridge between the UI and the desktop (docs/adr/0004-desktop-shell-security.md).
 * Preload implements it over IPC in the Electron app (`window.outpost`); a web implementation
 * stands in when the same UI runs in a plain browser. Types, channel names and the checks both
 * sides of the channel run on what crosses it: no I/O here.
 */
import { isUuid } from './ids';
import { parseBinding } from './keys';
import { KEY_BINDING_LIMITS } from './schemas/user-profile';

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
  /**
   * Hear the records the desktop asks to open: an `outpost://<collection>/<id>` link the system
   * handed to Outpost, already validated by main. Returns the unsubscribe function. A browser has
   * no such links: there it never calls back.
   */
  onOpenRecord(listener: (link: RecordLink) => void): () => void;
  /**
   * Hear the commands the desktop's global hotkeys, "Go" menu and tray send (DESKTOP_COMMANDS).
   * Returns the unsubscribe function. In a browser these are in-app shortcuts instead, and this
   * never calls back.
   */
  onDesktopCommand(listener: (command: DesktopCommand) => void): () => void;
  /**
   * Replace the system-wide hotkeys: a command given an accelerator gets it, one given null gets
   * none, one left out gets its default (DEFAULT_GLOBAL_HOTKEYS). The answer says per command
   * whether it is registered; an accelerator another app holds is 'failed', not an error.
   * Refused (a rejected promise) when the map names an unknown command or an accelerator outside
   * the allowed syntax. 'unsupported' in a browser, which has no system-wide keys.
   */
  setGlobalHotkeys(hotkeys: GlobalHotkeyMap): Promise<GlobalHotkeyResults | 'unsupported'>;
  /** Tell the desktop the sync status, for its tray icon; a browser has no tray and ignores it. */
  reportSyncStatus(status: DesktopSyncStatus): Promise<void>;
  /**
   * Tell the desktop the keys in force for the commands of its "Go" menu (the registry's defaults
   * or the user's own), which it shows beside them. Refused (a rejected promise) when the map names
   * a command outside the menu or a binding that is not keys. A browser has no menu and ignores it.
   */
  setMenuKeys(keys: MenuKeyMap): Promise<void>;
  /**
   * Save CSV text (an export, an import's rejected rows) where the person chooses: the desktop
   * shows its save dialog with `suggestedName` (a file name only, never a path) and writes the file
   * itself, so the page never names a path. 'cancelled' when the person closed the dialog;
   * 'unsupported' in a browser, which downloads the file instead.
   */
  saveCsvFile(suggestedName: string, text: string): Promise<SaveFileResult>;
}

export type SaveFileResult = 'saved' | 'cancelled' | 'unsupported';

/** A file name the page may suggest, at most this long. */
export const MAX_SUGGESTED_FILE_NAME_LENGTH = 120;
/** The largest CSV text the page may hand main to save (a 435,000-record export fits). */
export const MAX_SAVED_CSV_LENGTH = 256 * 1024 * 1024;

/**
 * The suggested name as main uses it: the last path segment only, without control or reserved
 * characters, ending in .csv — a page cannot steer the save dialog to another folder.
 */
export function safeCsvFileName(suggested: string): string {
  const base = suggested.split(/[\\/]/).pop() ?? '';
  // Control characters and the ones Windows refuses in a file name.
  // eslint-disable-next-line no-control-regex
  const unsafe = /[\u0000-\u001f<>:"|?*]/g;
  const clean = base.replace(unsafe, '').replace(/^\.+/, '').trim();
  const named = clean || 'export';
  return /\.csv$/i.test(named) ? named : `${named}.csv`;
}

export type SyncServerChoice = 'ready' | 'reload' | 'refused' | 'insecure' | 'unreachable' | 'declined';

/** Generous for a grant with two tokens; small enough that a renderer cannot flood main. */
export const MAX_SESSION_LENGTH = 16 * 1024;

/** The bridge methods that subscribe to events from main rather than call it. */
export const BRIDGE_SUBSCRIPTIONS = ['onOpenRecord', 'onDesktopCommand'] as const;
type BridgeSubscription = (typeof BRIDGE_SUBSCRIPTIONS)[number];

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
  setGlobalHotkeys: 'outpost:set-global-hotkeys',
  reportSyncStatus: 'outpost:report-sync-status',
  setMenuKeys: 'outpost:set-menu-keys',
  saveCsvFile: 'outpost:save-csv-file',
} as const satisfies { [K in Exclude<keyof OutpostBridge, BridgeSubscription>]: `outpost:${string}` };

export type BridgeMethod = keyof typeof BRIDGE_CHANNELS;
export const BRIDGE_METHODS = Object.keys(BRIDGE_CHANNELS) as BridgeMethod[];

/**
 * The one channel main sends events on (docs/adr/0025-desktop-deep-links-hotkeys-tray.md). Preload
 * listens on it alone, checks each payload with isDesktopEvent and hands the page only the link or
 * the command, never the IPC event.
 */
export const DESKTOP_EVENT_CHANNEL = 'outpost:desktop-event';

/** Records an `outpost://<collection>/<id>` link can open: the ones people open from elsewhere. */
export const LINKABLE_COLLECTIONS = ['companies', 'contacts', 'leads', 'deals', 'activities'] as const;
export type LinkableCollection = (typeof LINKABLE_COLLECTIONS)[number];

export interface RecordLink {
  collection: LinkableCollection;
  /** A canonical lowercase UUID. */
  id: string;
}

/** The app's sections, in the order of its navigation and of the desktop's "Go" menu. */
export const DESKTOP_SECTIONS = [
  'pipeline',
  'leads',
  'deals',
  'contacts',
  'companies',
  'activities',
  'call-center',
  'reports',
  'settings',
] as const;
export type DesktopSection = (typeof DESKTOP_SECTIONS)[number];

/**
 * What the desktop asks the page to do. `open-palette` opens the command palette, `quick-log`
 * starts logging an activity, `new-lead` opens the new-lead form, `go:<section>` shows a section.
 */
export type DesktopCommand = 'open-palette' | 'quick-log' | 'new-lead' | `go:${DesktopSection}`;
export const DESKTOP_COMMANDS: readonly DesktopCommand[] = [
  'open-palette',
  'quick-log',
  'new-lead',
  ...DESKTOP_SECTIONS.map((section) => `go:${section}` as const),
];

/**
 * The "Go" menu's commands, in menu order (the palette, then the sections), and the id of the same
 * command in the page's registry, whose keys the menu shows: one list of keys for both.
 */
export const GO_MENU_COMMANDS = [
  'open-palette',
  ...DESKTOP_SECTIONS.map((section) => `go:${section}` as const),
] as const;
export type GoMenuCommand = (typeof GO_MENU_COMMANDS)[number];

export function registryCommandOf(command: GoMenuCommand): string {
  return command === 'open-palette' ? 'palette.open' : `go.${command.slice('go:'.length)}`;
}

/**
 * The binding in force per "Go" menu command, as the registry writes it (`Mod+k`, `g p`); a command
 * left out has no keys.
 */
export type MenuKeyMap = Partial<Record<GoMenuCommand, string>>;

/**
 * Exactly a plain object of menu commands to bindings a keyboard can type, within the bounds of a
 * profile's bindings (main checks what the page sends before it builds a menu of it).
 */
export function isMenuKeyMap(value: unknown): value is MenuKeyMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.entries(value).every(([command, binding]) => {
    if (!includes(GO_MENU_COMMANDS, command) || typeof binding !== 'string') return false;
    if (binding.length > KEY_BINDING_LIMITS.bindingLength) return false;
    const chords = parseBinding(binding, 'other');
    return chords !== null && chords.length <= KEY_BINDING_LIMITS.chords;
  });
}

/**
 * The commands a system-wide hotkey can run. `toggle-window` (show or hide Outpost) is main's own;
 * the others reach the page as desktop commands.
 */
export const GLOBAL_HOTKEY_COMMANDS = ['toggle-window', 'open-palette', 'quick-log'] as const;
export type GlobalHotkeyCommand = (typeof GLOBAL_HOTKEY_COMMANDS)[number];
/** An accelerator per command (Electron's syntax, e.g. `CommandOrControl+Shift+O`), null for none. */
export type GlobalHotkeyMap = Partial<Record<GlobalHotkeyCommand, string | null>>;
export type GlobalHotkeyResult = 'registered' | 'off' | 'failed';
export type GlobalHotkeyResults = Record<GlobalHotkeyCommand, GlobalHotkeyResult>;

export const DEFAULT_GLOBAL_HOTKEYS: Readonly<Record<GlobalHotkeyCommand, string>> = {
  'toggle-window': 'CommandOrControl+Shift+O',
  'open-palette': 'CommandOrControl+Shift+K',
  'quick-log': 'CommandOrControl+Shift+L',
};

/** The sync status the tray shows: the header's sync indicator, in the few words a tray has room for. */
export const DESKTOP_SYNC_STATUSES = [
  'synced',
  'syncing',
  'offline',
  'sync-problem',
  'sign-in-needed',
  'local-only',
] as const;
export type DesktopSyncStatus = (typeof DESKTOP_SYNC_STATUSES)[number];

export type DesktopEvent = { kind: 'open-record'; link: RecordLink } | { kind: 'command'; command: DesktopCommand };

const includes = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

export const isLinkableCollection = (value: unknown): value is LinkableCollection =>
  includes(LINKABLE_COLLECTIONS, value);
export const isDesktopCommand = (value: unknown): value is DesktopCommand => includes(DESKTOP_COMMANDS, value);
export const isGlobalHotkeyCommand = (value: unknown): value is GlobalHotkeyCommand =>
  includes(GLOBAL_HOTKEY_COMMANDS, value);
export const isDesktopSyncStatus = (value: unknown): value is DesktopSyncStatus =>
  includes(DESKTOP_SYNC_STATUSES, value);

/** Exactly `{ collection, id }` with a linkable collection and a canonical UUID, nothing else. */
export function isRecordLink(value: unknown): value is RecordLink {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  const { collection, id } = value as Record<string, unknown>;
  return keys.length === 2 && isLinkableCollection(collection) && isUuid(id);
}

/** A well-formed event from main; preload drops anything else before the page sees it. */
export function isDesktopEvent(value: unknown): value is DesktopEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  const keys = Object.keys(event).sort().join(',');
  if (event.kind === 'open-record') return keys === 'kind,link' && isRecordLink(event.link);
  if (event.kind === 'command') return keys === 'command,kind' && isDesktopCommand(event.command);
  return false;
}
