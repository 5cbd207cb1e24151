import { createReadyLineReader } from '../../sync-server/ready-line.mjs';

/**
 * The single-user sync server the desktop app runs beside itself (docs/adr/0006). Main starts it
 * before the first window, stops it on quit, and the bridge's syncServerUrl() reports its URL.
 */
export interface EmbeddedSyncServer {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Base URL such as http://127.0.0.1:43817 once started, else null. */
  url(): string | null;
  /** The launch key this server's /auth/local-session asks for (docs/security.md), or null. */
  localKey(): string | null;
}

/** When a server is configured (a team server, or the one `npm start` runs): nothing to run here. */
export function createNoEmbeddedSyncServer(): EmbeddedSyncServer {
  return {
    async start() {},
    async stop() {},
    url: () => null,
    localKey: () => null,
  };
}

/** The slice of Electron's UtilityProcess this module needs (injected; tested with a fake). */
export interface ForkedProcess {
  readonly stdout: { on(event: 'data', listener: (chunk: Buffer | string) => void): unknown } | null;
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface ForkedSyncServerOptions {
  /** utilityProcess.fork in production. */
  fork(
    modulePath: string,
    args: string[],
    options: { stdio: 'pipe'; serviceName: string; env: Record<string, string | undefined> },
  ): ForkedProcess;
  /** The bundled server CLI (out/server/cli.mjs). */
  serverModule: string;
  /** The SQLite file in the user's data folder. */
  databaseFile: string;
  /** This launch's key, made by main: only the app's own window gets the owner's session. */
  localKey: string;
  /** The environment the server inherits (main's own); the key is added to it. */
  env: Readonly<Record<string, string | undefined>>;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * Runs the sync server in an Electron utility process (Electron's own Node, so no Node install is
 * needed on the user's machine) on a free loopback port and the user's SQLite file.
 */
export function createForkedSyncServer(options: ForkedSyncServerOptions): EmbeddedSyncServer {
  let child: ForkedProcess | null = null;
  let url: string | null = null;
  let exited: Promise<number> | null = null;

  return {
    url: () => url,
    localKey: () => options.localKey,
    start() {
      // One person's pushes: decoding them on the server's event loop is plenty, and no thread has
      // to load its file from the packaged app.
      const args = [
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--db',
        `sqlite:${options.databaseFile}`,
        '--no-app',
        '--decoder-threads',
        '0',
      ];
      // In the environment, not the arguments: other users of the machine can read a process's arguments.
      const env = { ...options.env, OUTPOST_LOCAL_KEY: options.localKey };
      const proc = options.fork(options.serverModule, args, { stdio: 'pipe', serviceName: 'Outpost sync server', env });
      child = proc;
      exited = new Promise((resolve) => proc.once('exit', resolve));
      return new Promise<void>((resolve, reject) => {
        const reader = createReadyLineReader();
        const timer = setTimeout(() => {
          proc.kill();
          reject(new Error(`the sync server did not start within ${options.startTimeoutMs ?? 15_000} ms`));
        }, options.startTimeoutMs ?? 15_000);
        proc.stdout?.on('data', (chunk) => {
          const text = chunk.toString();
          options.log?.(text.trimEnd());
          if (url) return;
          const ready = reader.push(text);
          if (!ready) return;
          clearTimeout(timer);
          // It was told to bind 127.0.0.1: anything else is not the server this app runs.
          if (new URL(ready.url).hostname !== '127.0.0.1') {
            proc.kill();
            reject(new Error(`the sync server announced ${ready.url}, not a loopback address`));
            return;
          }
          url = ready.url;
          resolve();
        });
        void exited!.then((code) => {
          if (url) {
            url = null;
            options.log?.(`the sync server stopped (exit code ${code})`);
            return;
          }
          clearTimeout(timer);
          reject(new Error(`the sync server exited with code ${code} before listening`));
        });
      });
    },
    async stop() {
      if (!child || !exited) return;
      child.kill();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, options.stopTimeoutMs ?? 10_000))]);
      child = null;
      url = null;
    },
  };
}
