/**
 * A stand-in for the 'electron' module (the binary is not installed on CI or here). It records
 * what the code under test asks of Electron: window options, WebContents listeners, IPC handlers,
 * the object preload exposes. mock-electron.ts installs it; tests read it through fakeElectron().
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

/* eslint-disable @typescript-eslint/no-explicit-any -- fakes accept whatever Electron would */
type Listener = (...args: any[]) => unknown;
type WindowOptions = Record<string, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** A navigation-style event whose preventDefault is observable. */
export function fakeEvent<T extends object>(
  fields: T = {} as T,
): T & { preventDefault: () => void; defaultPrevented: boolean } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeWebContents extends Emitter {
  /** What main sent to the page (webContents.send). */
  readonly send = vi.fn((_channel: string, ..._args: unknown[]) => {});
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends Emitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((window) => !window.destroyed);
  }
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  maximized = false;
  visible = true;
  focused = true;
  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly focus = vi.fn(() => {
    this.focused = true;
  });
  readonly hide = vi.fn(() => {
    this.visible = false;
    this.focused = false;
  });
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly maximize = vi.fn(() => {
    this.maximized = true;
  });
  readonly loadURL = vi.fn(async (_url: string) => {});
  constructor(readonly options: WindowOptions = {}) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return {
      x: this.options.x ?? 0,
      y: this.options.y ?? 0,
      width: this.options.width ?? 1280,
      height: this.options.height ?? 800,
    };
  }
}

export class FakeTray extends Emitter {
  static instances: FakeTray[] = [];
  toolTip = '';
  contextMenu: { template: unknown } | null = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    FakeTray.instances.push(this);
  }
  setToolTip(text: string): void {
    this.toolTip = text;
  }
  setContextMenu(menu: { template: unknown } | null): void {
    this.contextMenu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** Hotkeys by accelerator; one in `takenElsewhere` is held by another app, so registering it fails. */
export function createFakeGlobalShortcut() {
  const registered = new Map<string, () => void>();
  const takenElsewhere = new Set<string>();
  return {
    registered,
    takenElsewhere,
    register: vi.fn((accelerator: string, callback: () => void): boolean => {
      if (takenElsewhere.has(accelerator) || registered.has(accelerator)) return false;
      registered.set(accelerator, callback);
      return true;
    }),
    unregisterAll: vi.fn(() => registered.clear()),
  };
}

class FakeNotification {
  static shown: { title: string; body: string }[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(private readonly options: { title: string; body: string }) {}
  show(): void {
    FakeNotification.shown.push(this.options);
  }
}

/**
 * A keychain stand-in: "encrypts" by XOR with a secret byte behind a marker, so a test can tell
 * ciphertext from plaintext and a file written under another key fails to decrypt.
 */
type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export function createFakeSafeStorage(options: { available?: boolean; backend?: StorageBackend; key?: number } = {}) {
  const key = options.key ?? 0x5a;
  const marker = Buffer.from('FAKEKEY');
  return {
    isAsyncEncryptionAvailable: vi.fn(async () => options.available ?? true),
    getSelectedStorageBackend: vi.fn((): StorageBackend => options.backend ?? 'gnome_libsecret'),
    encryptStringAsync: vi.fn(async (plain: string) =>
      Buffer.concat([marker, Buffer.from([key]), Buffer.from(plain, 'utf8').map((b) => b ^ key)]),
    ),
    decryptStringAsync: vi.fn(async (encrypted: Buffer) => {
      if (!encrypted.subarray(0, marker.length).equals(marker) || encrypted[marker.length] !== key) {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
      const plain = encrypted.subarray(marker.length + 1).map((b) => b ^ key);
      return { shouldReEncrypt: false, result: Buffer.from(plain).toString('utf8') };
    }),
  };
}

function createFakeElectron() {
  const userData = mkdtempSync(join(tmpdir(), 'outpost-userdata-'));
  const appEvents = new Emitter();
  const ipcHandlers = new Map<string, Listener>();
  const exposed = new Map<string, unknown>();
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.shown = [];

  const app = Object.assign(appEvents, {
    isPackaged: false,
    ready: true,
    getAppPath: vi.fn(() => process.cwd()),
    getPath: vi.fn((_name: string) => userData),
    getVersion: vi.fn(() => '0.1.0'),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    setAsDefaultProtocolClient: vi.fn((_scheme: string) => true),
    whenReady: vi.fn(() => Promise.resolve()),
    isReady: vi.fn(() => app.ready),
    getLocale: vi.fn(() => 'en-US'),
  });

  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    Tray: FakeTray,
    globalShortcut: createFakeGlobalShortcut(),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: {
      handlers: ipcHandlers,
      handle: vi.fn((channel: string, listener: Listener) => void ipcHandlers.set(channel, listener)),
      removeHandler: vi.fn((channel: string) => void ipcHandlers.delete(channel)),
    },
    ipcRenderer: Object.assign(new Emitter(), {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
    }),
    contextBridge: {
      exposed,
      exposeInMainWorld: vi.fn((key: string, api: unknown) => void exposed.set(key, api)),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn(async (_url: string) => {}) },
    screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) },
    safeStorage: createFakeSafeStorage(),
    // Cancel, unless a test says otherwise.
    dialog: {
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
      showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({
        canceled: true,
      })),
    },
    net: {
      fetch: vi.fn(async (_url: string, _init?: RequestInit) => Response.json({ mode: 'team', needsSetup: false })),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

const slot = globalThis as typeof globalThis & { __outpostFakeElectron?: FakeElectron };

/** The fake that `import ... from 'electron'` currently resolves to. */
export function fakeElectron(): FakeElectron {
  slot.__outpostFakeElectron ??= createFakeElectron();
  return slot.__outpostFakeElectron;
}

/**
 * A fresh fake plus a fresh module registry, so the next dynamic import of a module that imports
 * 'electron' (the composition root, preload) runs again against clean records.
 */
export function resetFakeElectron(): FakeElectron {
  slot.__outpostFakeElectron = createFakeElectron();
  vi.resetModules();
  return slot.__outpostFakeElectron;
}
