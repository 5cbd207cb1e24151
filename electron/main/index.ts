/**
 * Composition root: the only module that touches Electron's runtime. Everything it wires is a
 * small policy module that takes Electron's objects as parameters, so it is tested without the
 * Electron binary (tests/unit/electron).
 */
import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  net,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
  utilityProcess,
} from 'electron';
import type { DesktopCommand, GlobalHotkeyCommand, MenuKeyMap } from '@domain/desktop-bridge';
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveAppConfig } from './app-config';
import { buildAppMenuTemplate } from './app-menu';
import { APP_SCHEME, originOf } from './app-origin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { registerBridgeHandlers } from './bridge-handlers';
import { createCsvFileSaver } from './csv-file-saver';
import { buildContentSecurityPolicy } from '@domain/content-security-policy';
import { DEEP_LINK_SCHEME, deepLinkArgument, describeRefusedLink, parseDeepLink } from './deep-link';
import { createDesktopEventOutbox } from './desktop-events';
import { createForkedSyncServer, createNoEmbeddedSyncServer } from './embedded-sync-server';
import { createGlobalHotkeys, parseSavedHotkeys } from './global-hotkeys';
import { createIpcHandle } from './ipc-handle';
import { localSessionKeyFor } from './local-session-key';
import { openExternalUrl } from './open-external-url';
import { applyPermissionPolicy } from './permission-policy';
import { createSessionStore } from './session-store';
import { createSyncServerChoice } from './sync-server-choice';
import { createSecureWindow, hardenWebContents, type NavigationPolicy } from './secure-window';
import { CONNECT_BUTTON, serverTrustPrompt } from './server-trust-prompt';
import { shellTexts } from './shell-texts';
import { claimSingleInstance, focusWindow, toggleWindow } from './single-instance';
import { createOutpostTray, type OutpostTray } from './tray';
import { loadWindowState, MIN_WINDOW_SIZE, saveWindowState, trackWindowState } from './window-state';

const APP_USER_MODEL_ID = 'com.outpost.crm';

/** Written whole, then renamed: a crash never leaves half a file. */
async function writeFileWhole(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}

function startOutpost(): void {
  const config = resolveAppConfig({
    isPackaged: app.isPackaged,
    env: process.env,
    appPath: app.getAppPath(),
    mainDir: import.meta.dirname,
    resourcesPath: process.resourcesPath,
  });
  // Read once; nothing this process starts later needs to inherit it.
  delete process.env.OUTPOST_LOCAL_KEY;

  // Privileged schemes and the global sandbox can only be set before `ready`.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  let mainWindow: BrowserWindow | null = null;
  // Events for the page (record links, commands), held until a page has loaded to hear them.
  const outbox = createDesktopEventOutbox();

  /** An `outpost://` link from the system: validated here; the page hears only a checked record. */
  function openLink(raw: string | null, source: string): void {
    if (raw === null) return;
    const link = parseDeepLink(raw);
    if (!link) {
      console.warn(`Ignored a link ${source} that Outpost does not open: ${describeRefusedLink(raw)}`);
      return;
    }
    outbox.post({ kind: 'open-record', link });
  }

  function sendCommand(command: DesktopCommand): void {
    void showMainWindow();
    outbox.post({ kind: 'command', command });
  }

  if (
    !claimSingleInstance(app, (argv) => {
      void showMainWindow();
      openLink(deepLinkArgument(argv), 'from a second launch');
    })
  ) {
    return;
  }
  // An installed app is the system's handler for outpost:// (the installers declare it too). A
  // development build is not: it would leave the system pointing at a bare Electron binary.
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  // Windows and Linux start Outpost with the link as an argument; macOS sends `open-url`, possibly
  // before `ready`, which is why it is heard from the start.
  openLink(deepLinkArgument(process.argv), 'at launch');
  app.on('open-url', (event, url) => {
    event.preventDefault();
    void showMainWindow();
    openLink(url, 'from the system');
  });

  const hotkeys = createGlobalHotkeys({
    globalShortcut,
    run: (command: GlobalHotkeyCommand) => {
      if (command === 'toggle-window') toggleWindow(mainWindow, () => void showMainWindow());
      else sendCommand(command);
    },
    log: (message) => console.warn(message),
  });
  const hotkeysFile = (): string => join(app.getPath('userData'), 'global-hotkeys.json');
  let tray: OutpostTray | null = null;

  const openExternal = (url: unknown): Promise<boolean> =>
    openExternalUrl(url, (safeUrl) => shell.openExternal(safeUrl));
  const policy: NavigationPolicy = { trustedOrigin: config.trustedOrigin, openExternal };
  // Every WebContents, not only the ones our factory makes, gets the navigation guards.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy));

  // `npm start` runs the server beside Electron and passes its URL; an installed app runs its own.
  const syncServer =
    app.isPackaged && !config.configuredSyncUrl
      ? createForkedSyncServer({
          fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
          serverModule: join(import.meta.dirname, '..', 'server', 'cli.mjs'),
          databaseFile: join(app.getPath('userData'), 'outpost.db'),
          localKey: randomBytes(32).toString('base64url'),
          env: process.env,
          log: (line) => console.warn(`[sync server] ${line}`),
        })
      : createNoEmbeddedSyncServer();
  // Filled in at `ready` (it reads a file in userData); until then nothing was chosen.
  let serverChoice: Awaited<ReturnType<typeof createSyncServerChoice>> | null = null;
  const syncServerUrl = (): string | null => serverChoice?.current() ?? config.configuredSyncUrl ?? syncServer.url();
  const connectOrigins = (): string[] =>
    [serverChoice?.current() ?? null, config.configuredSyncUrl ?? syncServer.url()]
      .map((url) => originOf(url))
      .filter((origin): origin is string => origin !== null);
  const contentSecurityPolicy = (): string => buildContentSecurityPolicy(connectOrigins());
  const windowStateFile = (): string => join(app.getPath('userData'), 'window-state.json');

  async function openMainWindow(): Promise<BrowserWindow> {
    const state = await loadWindowState(
      windowStateFile(),
      screen.getAllDisplays().map((display) => display.workArea),
    );
    const window = createSecureWindow({
      createWindow: (options) => new BrowserWindow(options),
      preloadPath: config.preloadPath,
      policy,
      windowOptions: {
        ...state.bounds,
        minWidth: MIN_WINDOW_SIZE.width,
        minHeight: MIN_WINDOW_SIZE.height,
        title: 'Outpost',
      },
    });
    if (state.isMaximized) window.maximize();
    trackWindowState(window, (next) => {
      saveWindowState(windowStateFile(), next).catch((error: unknown) =>
        console.warn('Window state not saved:', error),
      );
    });
    // The page hears events from its scripts' start to its unload: between a navigation (a reload)
    // and the end of its load nobody listens, so events wait in the outbox.
    window.webContents.on('did-navigate', () => outbox.detach());
    window.webContents.on('render-process-gone', () => outbox.detach());
    window.webContents.on('did-finish-load', () => outbox.attach(window.webContents));
    window.on('closed', () => {
      if (mainWindow !== window) return;
      mainWindow = null;
      outbox.detach();
    });
    mainWindow = window;
    await window.loadURL(config.rendererUrl);
    return window;
  }

  async function showMainWindow(): Promise<void> {
    if (focusWindow(mainWindow) || !app.isReady()) return;
    await openMainWindow();
  }

  async function whenReady(): Promise<void> {
    await app.whenReady();
    applyPermissionPolicy(session.defaultSession, config.trustedOrigin);
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir: config.rendererDir, contentSecurityPolicy }));
    await syncServer.start();
    const choiceFile = join(app.getPath('userData'), 'sync-server.json');
    serverChoice = await createSyncServerChoice({
      read: () => readFile(choiceFile, 'utf8').catch(() => null),
      write: (text) => writeFileWhole(choiceFile, text),
      allowedOrigins: connectOrigins,
      // main's own request: no redirect (it could lead to plain http), and no waiting for ever.
      fetchStatus: (url) => net.fetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) }),
      async confirm(origin) {
        const prompt = serverTrustPrompt(origin, app.getLocale());
        const answer = mainWindow
          ? await dialog.showMessageBox(mainWindow, prompt)
          : await dialog.showMessageBox(prompt);
        return answer.response === CONNECT_BUTTON;
      },
    });

    const handle = createIpcHandle({
      ipcMain,
      trustedOrigin: config.trustedOrigin,
      onRejected: (error) => console.warn(error.message),
    });
    // Tokens live in the OS keychain's encryption, or in memory only when there is none (never plaintext).
    const sessionStore = createSessionStore({
      file: join(app.getPath('userData'), 'session.bin'),
      cipher: safeStorage,
      onMemoryOnly: () =>
        console.warn('No OS keychain encryption available: the sign-in is kept in memory until Outpost quits.'),
    });
    registerBridgeHandlers(handle, {
      appInfo: () => ({ version: app.getVersion(), shell: 'desktop', os: process.platform }),
      syncServerUrl,
      openExternal,
      notify: (title, body) => {
        if (Notification.isSupported()) new Notification({ title, body }).show();
      },
      readSession: () => sessionStore.read(),
      writeSession: (value) => sessionStore.write(value),
      chooseSyncServer: (url) => serverChoice!.choose(url),
      localSessionKey: (url) =>
        localSessionKeyFor(url, [
          { url: syncServer.url(), localKey: syncServer.localKey() },
          { url: config.configuredSyncUrl, localKey: config.configuredLocalKey },
        ]),
      async setGlobalHotkeys(chosen) {
        const results = hotkeys.apply(chosen);
        await writeFileWhole(hotkeysFile(), JSON.stringify(chosen));
        return results;
      },
      reportSyncStatus: (status) => tray?.setStatus(status),
      setMenuKeys: (keys) => setAppMenu(keys),
      saveCsvFile: createCsvFileSaver({
        showSaveDialog: (options) =>
          mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
        writeFile: (path, text) => writeFile(path, text, 'utf8'),
        defaultFolder: () => app.getPath('documents'),
      }),
    });

    const texts = shellTexts(app.getLocale());
    // The "Go" menu shows the keys of the page's command registry; it is rebuilt when they change.
    const setAppMenu = (keys: MenuKeyMap) =>
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildAppMenuTemplate({
            platform: process.platform,
            isDevelopment: config.isDevelopment,
            texts,
            sendCommand,
            keys,
          }),
        ),
      );
    setAppMenu({});
    hotkeys.apply(parseSavedHotkeys(await readFile(hotkeysFile(), 'utf8').catch(() => null)));
    try {
      tray = createOutpostTray({
        createTray: () => new Tray(config.trayIconPath),
        buildMenu: (template) => Menu.buildFromTemplate(template),
        texts,
        actions: {
          show: () => void showMainWindow(),
          newLead: () => sendCommand('new-lead'),
          openPalette: () => sendCommand('open-palette'),
          quit: () => app.quit(),
        },
      });
    } catch (error) {
      // A desktop without a tray area still has the window, the menu and the hotkeys.
      console.warn('No tray icon:', error);
    }
    // macOS keeps the app running without windows; clicking the dock icon brings one back, or
    // shows the one the show/hide hotkey hid.
    app.on('activate', () => void showMainWindow());
    await openMainWindow();
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let syncServerStopped = false;
  app.on('will-quit', (event) => {
    hotkeys.unregisterAll();
    tray?.destroy();
    tray = null;
    if (syncServerStopped) return;
    event.preventDefault();
    syncServer
      .stop()
      .catch((error: unknown) => console.error('The embedded sync server did not stop cleanly:', error))
      .finally(() => {
        syncServerStopped = true;
        app.quit();
      });
  });

  whenReady().catch((error: unknown) => {
    console.error('Outpost could not start:', error);
    app.exit(1);
  });
}

startOutpost();
