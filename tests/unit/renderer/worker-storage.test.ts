import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { exposeRxStorageRemote, type MessageToRemote } from 'rxdb/plugins/storage-remote';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../domain/default-records';
import { createRecord } from '../../../domain/record-edits';
import { parseSearchQuery } from '../../../domain/search-text';
import { openDatabase, type OutpostDatabase } from '../../../renderer/db/database';
import { searchIndexFor } from '../../../renderer/db/search-index-for';
import { STORAGE_WORKER_READY } from '../../../renderer/db/storage/storage-worker-protocol';
import { getRxStorageWorker, StorageWorkerError } from '../../../renderer/db/storage/worker-storage';
import { requestScopeResync, scopeResyncRequested } from '../../../renderer/db/sync/scope-resync';
import { makeContact, testId } from '../domain/fixtures';

/**
 * The page's side of the storage worker (renderer/db/storage, ADR 0012). Node has no web Worker:
 * a stand-in speaks the same messages, in later tasks and as copies, with RxDB's memory storage
 * exposed behind it as the real worker exposes Dexie.
 */
class StandInWorker extends EventTarget {
  terminated = false;
  private readonly toRemote$ = new Subject<MessageToRemote>();

  constructor(behaviour: 'starts' | 'fails to load' | 'never answers') {
    super();
    if (behaviour === 'starts') {
      exposeRxStorageRemote({
        storage: getRxStorageMemory(),
        messages$: this.toRemote$,
        send: (message) => this.deliver(message),
      });
      this.deliver(STORAGE_WORKER_READY);
    } else if (behaviour === 'fails to load') {
      setTimeout(() => this.dispatchEvent(Object.assign(new Event('error'), { message: 'Failed to load module' })));
    }
  }

  postMessage(data: unknown) {
    const copy = structuredClone(data) as MessageToRemote;
    setTimeout(() => !this.terminated && this.toRemote$.next(copy));
  }

  terminate() {
    this.terminated = true;
  }

  private deliver(data: unknown) {
    const copy = structuredClone(data);
    setTimeout(() => !this.terminated && this.dispatchEvent(new MessageEvent('message', { data: copy })));
  }
}

let opened: OutpostDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.map((db) => db.close()));
  opened = [];
});

function storageWith(behaviour: ConstructorParameters<typeof StandInWorker>[0], startTimeoutMs?: number) {
  const workers: StandInWorker[] = [];
  const storage = getRxStorageWorker({
    start: () => {
      const worker = new StandInWorker(behaviour);
      workers.push(worker);
      return worker as unknown as Worker;
    },
    ...(startTimeoutMs ? { startTimeoutMs } : {}),
  });
  return { storage, workers };
}

let counter = 0;
const open = (storage: ReturnType<typeof storageWith>['storage'], name = `worker-storage-${++counter}`) =>
  openDatabase({ name, storage, multiInstance: false, collections: ['settings'] });

describe('the storage worker, seen from the page', () => {
  it('opens the database through one worker, and stops the worker when the database closes', async () => {
    const { storage, workers } = storageWith('starts');
    const db = await open(storage);
    opened.push(db);
    await db.upsertLocal('probe', { value: 1 });
    expect((await db.getLocal<{ value: number }>('probe'))?.toJSON().data.value).toBe(1);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(false);
    await db.close();
    opened = [];
    expect(workers[0]!.terminated).toBe(true);
  });

  it('fails with a StorageWorkerError when the worker’s script does not load, and stops it', async () => {
    const { storage, workers } = storageWith('fails to load');
    const error: unknown = await open(storage).then(
      (db) => opened.push(db),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageWorkerError);
    expect((error as Error).message).toMatch(/Failed to load module/);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('fails with a StorageWorkerError, rather than hanging, when the worker never answers', async () => {
    const { storage, workers } = storageWith('never answers', 50);
    const error: unknown = await open(storage).then(
      (db) => opened.push(db),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageWorkerError);
    expect((error as Error).message).toMatch(/did not start within 50 ms/);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('empties the collections of a scope resync through a new worker, keeping the device-only documents', async () => {
    const name = `worker-storage-resync-${++counter}`;
    const first = storageWith('starts');
    const db = await open(first.storage, name);
    const ctx = { userId: 'u1', hlc: '0000000000001-0000-test', now: new Date().toISOString() };
    const settings = defaultSettings().map(({ id, ...s }) => createRecord('settings', id, s, ctx));
    expect((await db.settings.bulkInsert(settings as never[])).error).toEqual([]);
    await db.upsertLocal('device-pref', { density: 'compact' });
    await requestScopeResync(db, 'scope-2');
    await db.close();
    expect(first.workers[0]!.terminated).toBe(true);

    const second = storageWith('starts');
    const reopened = await open(second.storage, name);
    opened.push(reopened);
    expect(await reopened.settings.count().exec()).toBe(0);
    expect((await reopened.getLocal<{ density: string }>('device-pref'))?.toJSON().data).toEqual({
      density: 'compact',
    });
    expect(await scopeResyncRequested(reopened)).toBe(false);
    expect(second.workers).toHaveLength(1);
  });

  it('still builds a list search index behind a storage that computes no search rows, from the records', async () => {
    const { storage } = storageWith('starts');
    const db = await openDatabase({
      name: `worker-storage-search-${++counter}`,
      storage,
      multiInstance: false,
      collections: ['contacts', 'companies'],
    });
    opened.push(db);
    await db.contacts.bulkInsert([
      makeContact({ id: testId(0x51), firstName: 'Nancy', lastName: 'Davolio', nameKey: 'davolio nancy' }),
      makeContact({ id: testId(0x52), firstName: 'Andrew', lastName: 'Fuller', nameKey: 'fuller andrew' }),
    ]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const index = searchIndexFor(db, 'contacts');
    index.prepare();
    await expect.poll(() => index.status, { timeout: 10_000 }).toBe('ready');
    expect(index.search(parseSearchQuery('nan'))).toEqual([testId(0x51)]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
