import type { RxStorage, RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { demoRecordCount, generateDemoData } from '../../../demo-data';
import { COLLECTION_NAMES, type CollectionName } from '../../../domain/collections';
import { uuidv7 } from '../../../domain/ids';
import { toIsoDate } from '../../../domain/time';
import { openDatabase } from '../../../renderer/db/database';
import { openDeviceClock } from '../../../renderer/db/device-clock';
import { StorageWriteError } from '../../../renderer/db/storage/storage-write-error';
import { openSyncJournal } from '../../../renderer/db/sync/sync-journal';
import type { Workspace } from '../../../renderer/db/workspace';
import { loadDemoData } from '../../../renderer/features/onboarding/load-demo-data';
import { getRxStorageOverMessagePort } from '../../support/remote-storage';

/**
 * The app's demo loader on RxDB's memory storage behind the remote-storage protocol, as the page
 * reaches the storage worker (ADR 0012): what a person gets in their store when they load, cancel,
 * load again, or run out of room.
 */
const opened: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

async function openWorkspace(storage: RxStorage<unknown, unknown> = getRxStorageMemory()): Promise<Workspace> {
  const db = await openDatabase({
    name: `demo-load-${uuidv7()}`,
    storage: getRxStorageOverMessagePort(storage),
    multiInstance: false,
    collections: COLLECTION_NAMES,
  });
  opened.push(db);
  const [clock, journal] = await Promise.all([openDeviceClock(db), openSyncJournal(db)]);
  const user = {
    id: uuidv7(),
    name: 'Ana Ruiz',
    email: 'ana@example.com',
    role: 'SALES_MANAGER' as const,
    teamId: uuidv7(),
  };
  return { db, clock, journal, user };
}

async function storedIds(ws: Workspace, collection: CollectionName): Promise<Set<string>> {
  const docs = await ws.db[collection].find().exec();
  return new Set(docs.map((d) => d.id));
}

const demoOptions = (ws: Workspace) => ({ size: 'small' as const, today: toIsoDate(Date.now()), currentUser: ws.user });

describe('loading demo data into the local store', () => {
  it('stores every record of the set, reports progress up to the total, and loading twice changes nothing', async () => {
    const ws = await openWorkspace();
    const seen: [number, number][] = [];
    const result = await loadDemoData(ws, (done, total) => seen.push([done, total]), { size: 'small' });
    const expected = generateDemoData(demoOptions(ws));

    expect(result).toEqual({
      written: demoRecordCount(demoOptions(ws)),
      total: demoRecordCount(demoOptions(ws)),
      cancelled: false,
    });
    expect(seen.at(-1)).toEqual([result.total, result.total]);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    for (const collection of ['companies', 'contacts', 'leads', 'deals', 'stage_changes', 'activities'] as const) {
      expect(await ws.db[collection].count().exec()).toBe(expected[collection].length);
    }
    const contact = expected.contacts[17]!;
    expect((await ws.db.contacts.findOne(contact.id).exec())?.toJSON()).toMatchObject({
      firstName: contact.firstName,
      email: contact.email,
      hlc: contact.hlc,
    });

    await loadDemoData(ws, () => undefined, { size: 'small' });
    expect(await ws.db.contacts.count().exec()).toBe(expected.contacts.length);
  });

  it('cancelled, keeps what it wrote as a prefix whose references all resolve, and a second load completes it', async () => {
    const ws = await openWorkspace();
    const controller = new AbortController();
    const result = await loadDemoData(
      ws,
      (done) => {
        // After the first companies are stored: mid-set, with contacts being generated.
        if (done > 100) controller.abort();
      },
      { size: 'small', signal: controller.signal },
    );

    expect(result.cancelled).toBe(true);
    expect(result.written).toBeGreaterThan(0);
    expect(result.written).toBeLessThan(result.total);
    const counts = await Promise.all(COLLECTION_NAMES.map((c) => ws.db[c].count().exec()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(result.written);
    const companies = await storedIds(ws, 'companies');
    for (const contact of await ws.db.contacts.find().exec()) {
      if (contact.companyId) expect(companies.has(contact.companyId)).toBe(true);
    }
    expect(await ws.db.activities.count().exec()).toBe(0);

    const again = await loadDemoData(ws, () => undefined, { size: 'small' });
    expect(again.cancelled).toBe(false);
    expect(await ws.db.activities.count().exec()).toBe(generateDemoData(demoOptions(ws)).activities.length);
  });

  it('a device out of room fails with a short error that says so, not with the records it tried to write', async () => {
    const ws = await openWorkspace(storageThatFillsUpAfter(3));
    const failure = await loadDemoData(ws, () => undefined, { size: 'small' }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(StorageWriteError);
    expect((failure as StorageWriteError).quotaExceeded).toBe(true);
    expect((failure as Error).message.length).toBeLessThan(300);
  });
});

/** Memory storage whose writes after the first `n` fail as IndexedDB's do on a full disk. */
function storageThatFillsUpAfter(n: number): RxStorage<unknown, unknown> {
  const memory = getRxStorageMemory();
  let writes = 0;
  return {
    ...memory,
    async createStorageInstance(params) {
      const instance = (await memory.createStorageInstance(params as never)) as RxStorageInstance<
        unknown,
        unknown,
        unknown
      >;
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows, context) => {
        if (params.collectionName.startsWith('_') || ++writes <= n) return bulkWrite(rows, context);
        return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      };
      return instance;
    },
  } as RxStorage<unknown, unknown>;
}
