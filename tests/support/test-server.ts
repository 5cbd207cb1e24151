import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AuthConfig } from '../../sync-server/auth/auth-config';
import { buildServer } from '../../sync-server/server';
import { openStore } from '../../sync-server/store/open-store';
import { TEST_LOCAL_KEY } from './local-key';
import type { Store } from '../../sync-server/store/store';

export interface TestServer {
  url: string;
  port: number;
  store: Store;
  app: FastifyInstance;
  /** Stop and start again on the same port and database (a server restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** scrypt at a cost tests can afford (production keeps DEFAULT_PASSWORD_COST). */
export const TEST_PASSWORD_COST = { N: 1 << 10, r: 8, p: 1 };

/**
 * The real sync server on a loopback port, over a real SQLite file (or the given store URL).
 * Single-user mode with TEST_LOCAL_KEY unless `auth` says otherwise: helpers sign in as the owner
 * (protocol-client.ts).
 */
export async function startTestServer(
  options: {
    dbUrl?: string;
    now?: () => number;
    auth?: AuthConfig;
    /** Decode pushes on this many threads (the CLI's way) instead of inline. */
    decoderThreads?: number;
  } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-server-'));
  const dbUrl = options.dbUrl ?? `sqlite:${join(dir, 'outpost.db')}`;
  const auth: AuthConfig = options.auth ?? {
    mode: 'single-user',
    passwordCost: TEST_PASSWORD_COST,
    localKey: TEST_LOCAL_KEY,
  };
  let store = await openStore(dbUrl);
  let app = await buildServer({
    store,
    auth,
    logger: false,
    streamCoalesceMs: 5,
    decoderThreads: options.decoderThreads ?? 0,
    ...(options.now ? { now: options.now } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const server: TestServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    app,
    async restart() {
      await app.close();
      await store.close();
      store = await openStore(dbUrl);
      app = await buildServer({
        store,
        auth,
        logger: false,
        streamCoalesceMs: 5,
        decoderThreads: options.decoderThreads ?? 0,
      });
      await app.listen({ port, host: '127.0.0.1' });
      server.store = store;
      server.app = app;
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
