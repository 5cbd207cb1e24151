import { test as base } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain .mjs helper shared with `npm start`
import { startSyncServer } from '../../scripts/sync-server-process.mjs';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

export interface SyncServerHandle {
  url: string;
  stop(): Promise<void>;
}

/**
 * The launch key of every single-user server these tests start (docs/security.md, "The launch
 * key"): made here, as `npm start` makes one, once per test process.
 */
export const E2E_LAUNCH_KEY = randomBytes(32).toString('base64url');

/** What `npm start` tells a person to open: the app, with the launch key in the fragment. */
export const LAUNCH_PATH = `/#k=${E2E_LAUNCH_KEY}`;

/**
 * The built CLI serving the built app, on the SQLite file `dbFile` (which may already hold a
 * workspace): the app under test is the one shipped.
 */
export async function startE2eServer(dbFile: string, serverArgs: readonly string[] = []): Promise<SyncServerHandle> {
  return (await startSyncServer({
    projectDir,
    dbUrl: `sqlite:${dbFile}`,
    appDir: join(projectDir, 'dist', 'renderer'),
    extraArgs: serverArgs,
    localKey: E2E_LAUNCH_KEY,
  })) as SyncServerHandle;
}

/**
 * Every test gets its own real sync server (the built CLI, on a fresh SQLite file) serving the
 * built app, so tests never see each other's records and the app under test is the one shipped.
 */
export const test = base.extend<{ server: SyncServerHandle; serverArgs: string[] }>({
  /** More server CLI flags for a file or describe block: `test.use({ serverArgs: ['--auth', 'team'] })`. */
  serverArgs: [[], { option: true }],
  server: async ({ serverArgs }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'outpost-e2e-'));
    const server = await startE2eServer(join(dir, 'outpost.db'), serverArgs);
    await use(server);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

export { expect } from '@playwright/test';
