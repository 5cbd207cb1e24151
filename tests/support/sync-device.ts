import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { CollectionName } from '../../domain/collections';
import { HybridClock } from '../../domain/hlc';
import { openDatabase, type OutpostDatabase } from '../../renderer/db/database';
import { startSync, type SyncEngine } from '../../renderer/db/sync/sync-engine';
import { createSyncHttp } from '../../renderer/db/sync/sync-http';
import { openSyncJournal, type SyncJournal } from '../../renderer/db/sync/sync-journal';
import type { Workspace } from '../../renderer/db/workspace';
import { forgetOwnerSession, ownerAuthorization } from './protocol-client';
import { withIndexedReads } from '../../renderer/db/storage/with-indexed-reads';
import { getRxStorageOverMessagePort } from './remote-storage';

let counter = 0;

/**
 * A simulated device: a real RxDB database (memory storage, schema-validated), the app's own
 * sync engine and journal, and a network switch. Mind RxDB's 13-collection limit per process:
 * open only the collections the test needs, or run devices in workers.
 */
export interface TestDevice {
  name: string;
  db: OutpostDatabase;
  clock: HybridClock;
  journal: SyncJournal;
  engine: SyncEngine;
  ws: Workspace;
  online: boolean;
  setOnline(online: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function createTestDevice(options: {
  serverUrl: string;
  collections: readonly CollectionName[];
  name?: string;
  userId?: string;
  /** Drive pulls by hand instead of listening to the change stream. */
  liveStream?: boolean;
  pushBatchSize?: number;
  /** This device's wall clock runs this far ahead (or, negative, behind) of the others. */
  clockSkewMs?: number;
  /** Sees (and may delay) every request the device sends. */
  beforeRequest?: (url: string, init: RequestInit | undefined) => void | Promise<void>;
  /**
   * `remote`: the memory storage behind RxDB's remote-storage protocol over a MessagePort, as the
   * app reaches its storage worker (ADR 0012); validation stays on this side, as in the app.
   * `worker`: the app's storage worker's storage itself — RxDB's Dexie storage with the app's own
   * methods (renderer/db/storage/with-indexed-reads.ts), on fake-indexeddb — behind the same protocol.
   */
  storage?: 'memory' | 'remote' | 'worker';
  /** false: the replication itself makes the first pull (the bootstrap is on by default, ADR 0010). */
  bootstrap?: boolean;
}): Promise<TestDevice> {
  const name = options.name ?? `device${++counter}`;
  const base =
    options.storage === 'remote'
      ? getRxStorageOverMessagePort(getRxStorageMemory())
      : options.storage === 'worker'
        ? getRxStorageOverMessagePort(withIndexedReads(getRxStorageDexie({ indexedDB, IDBKeyRange })))
        : getRxStorageMemory();
  const db = await openDatabase({
    name: `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    storage: wrappedValidateAjvStorage({ storage: base as never }) as never,
    multiInstance: false,
    collections: options.collections,
  });
  const skew = options.clockSkewMs ?? 0;
  const clock = new HybridClock(
    name
      .toLowerCase()
      .replace(/[^0-9a-z]/g, '')
      .slice(0, 16) || 'device',
    skew ? () => Date.now() + skew : Date.now,
  );
  const journal = await openSyncJournal(db);
  const device = { online: true } as TestDevice;
  // Signed in as the server's owner (single-user mode: POST /auth/local-session), as the desktop
  // app is; a token the server no longer takes (restarted on another database) is renewed once.
  const guardedFetch: typeof fetch = async (input, init) => {
    if (!device.online) throw new TypeError('fetch failed: the device is offline');
    await options.beforeRequest?.(String(input), init);
    const send = async () =>
      fetch(input, {
        ...init,
        headers: {
          ...Object.fromEntries(new Headers(init?.headers).entries()),
          ...(await ownerAuthorization(options.serverUrl)),
        },
      });
    const response = await send();
    if (response.status !== 401) return response;
    forgetOwnerSession(options.serverUrl);
    await response.body?.cancel();
    return send();
  };
  const engine = startSync({
    db,
    http: createSyncHttp({ baseUrl: options.serverUrl, fetch: guardedFetch, timeoutMs: 10_000 }),
    clock,
    journal,
    fetch: guardedFetch,
    waitForLeadership: false,
    liveStream: options.liveStream ?? true,
    ...(options.bootstrap === false ? { bootstrap: false } : {}),
    ...(options.pushBatchSize ? { pushBatchSize: options.pushBatchSize } : {}),
  });
  const userId = options.userId ?? '0190aaaa-0000-7000-8000-000000000001';
  Object.assign(device, {
    name,
    db,
    clock,
    journal,
    engine,
    ws: {
      db,
      clock,
      journal,
      user: { id: userId, teamId: '', name, email: `${name}@example.com`, role: 'SALES_MANAGER' },
    },
    async setOnline(online: boolean) {
      device.online = online;
      if (online) await engine.resume();
      else await engine.pause();
    },
    async close() {
      await engine.stop();
      await db.close();
    },
  });
  return device;
}
