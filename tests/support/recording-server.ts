import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { CollectionName } from '../../domain/collections';
import { buildServer } from '../../sync-server/server';
import { openStore } from '../../sync-server/store/open-store';
import type { Store, StoredRecord } from '../../sync-server/store/store';
import { TEST_LOCAL_KEY } from './local-key';
import { TEST_PASSWORD_COST } from './test-server';

/** One committed record version, as the server stored it. */
export type CommittedVersion = Pick<StoredRecord, 'collection' | 'id' | 'seq' | 'hlc' | 'deleted' | 'body'>;

export interface RecordingServer {
  url: string;
  port: number;
  /** The live store (replaced by every restart). */
  readonly store: Store;
  /** Every record version any committed write transaction stored, in commit order, across restarts. */
  readonly committed: readonly CommittedVersion[];
  /** Stop and start again on the same port and database: in-flight and new requests fail meanwhile. */
  restart(): Promise<void>;
  /** Every record of a collection as the server holds it now (all pages). */
  records(collection: CollectionName): Promise<StoredRecord[]>;
  close(): Promise<void>;
}

/**
 * The real sync server (Fastify + the SQLite or PostgreSQL store) on a loopback port, like
 * test-server.ts, except that the store is wrapped to keep a log of every committed record version.
 * A convergence test needs that history to tell a user's edit that reached the server (and was later
 * overwritten in the open) from one that was dropped before it ever got there.
 */
export async function startRecordingServer(options: { dbUrl?: string } = {}): Promise<RecordingServer> {
  const dir = options.dbUrl ? null : mkdtempSync(join(tmpdir(), 'outpost-convergence-'));
  const dbUrl = options.dbUrl ?? `sqlite:${join(dir!, 'outpost.db')}`;
  const committed: CommittedVersion[] = [];

  const open = async (port: number) => {
    const store = recordCommits(await openStore(dbUrl), committed);
    try {
      const app = await buildServer({
        store,
        auth: { mode: 'single-user', passwordCost: TEST_PASSWORD_COST, localKey: TEST_LOCAL_KEY },
        logger: false,
        streamCoalesceMs: 5,
      });
      await app.listen({ port, host: '127.0.0.1' });
      return { store, app };
    } catch (error) {
      await store.close();
      throw error;
    }
  };

  let current: { store: Store; app: FastifyInstance } | null = await open(0);
  const port = (current.app.server.address() as { port: number }).port;
  let closed = false;
  let restarting: Promise<void> = Promise.resolve();

  const stop = async () => {
    const running = current;
    current = null;
    if (!running) return;
    try {
      const closing = running.app.close();
      // Shutting down for good: do not wait for clients' keep-alive sockets to time out (~4 s).
      if (closed) running.app.server.closeAllConnections();
      await closing;
    } finally {
      await running.store.close();
    }
  };

  const server: RecordingServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    get store() {
      if (!current) throw new Error('the recording server is not running');
      return current.store;
    },
    committed,
    restart() {
      const run = async () => {
        await stop();
        if (closed) return;
        const next = await open(port);
        if (closed) {
          await next.app.close();
          await next.store.close();
        } else current = next;
      };
      restarting = restarting.then(run, run);
      return restarting;
    },
    async records(collection) {
      const all: StoredRecord[] = [];
      for (let after = 0; ;) {
        const page = await server.store.pull(collection, after, 1000, { kind: 'all' });
        all.push(...page.records);
        if (page.records.length < 1000) return all;
        after = page.checkpoint;
      }
    },
    async close() {
      closed = true;
      try {
        await restarting.catch(() => undefined);
        await stop();
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return server;
}

/** The same store, appending what each write transaction stored to `log` once it has committed. */
function recordCommits(store: Store, log: CommittedVersion[]): Store {
  return {
    kind: store.kind,
    auth: store.auth,
    pull: (...args) => store.pull(...args),
    pullCount: (...args) => store.pullCount(...args),
    getRecords: (...args) => store.getRecords(...args),
    currentSeq: () => store.currentSeq(),
    ping: () => store.ping(),
    onCommitted: (listener) => store.onCommitted(listener),
    close: () => store.close(),
    async transaction(fn) {
      const written: StoredRecord[] = [];
      const result = await store.transaction((tx) =>
        fn({
          getRecords: (collection, ids) => tx.getRecords(collection, ids),
          async putRecords(records) {
            const stored = await tx.putRecords(records);
            written.push(...stored);
            return stored;
          },
        }),
      );
      for (const { collection, id, seq, hlc, deleted, body } of written) {
        log.push({ collection, id, seq, hlc, deleted, body: structuredClone(body) });
      }
      return result;
    },
  };
}
