import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { EventBulk, RxStorage, RxStorageChangeEvent } from 'rxdb';
import { getRxStorageDexie, type RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Contact } from '../../../domain/schemas/contact';
import { openDatabase, type OutpostDatabase } from '../../../renderer/db/database';
import { withIndexedReads } from '../../../renderer/db/storage/with-indexed-reads';
import { bootstrapInserter } from '../../../renderer/db/sync/bootstrap-inserter';
import { makeContact, testId } from '../domain/fixtures';

/**
 * A first sync's inserts into the app's storage (renderer/db/storage/bootstrap-insert.ts, reached
 * through renderer/db/sync/bootstrap-inserter.ts): new records are written without a read of their
 * ids first, a record already stored is neither overwritten nor lost but handed back, and the
 * change events are those RxDB's own bulkWrite emits for the same inserts.
 */

type Stored = Contact & {
  _deleted: boolean;
  _rev: string;
  _meta: { lwt: number };
  _attachments: Record<string, never>;
};

const dexie = () => getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
const CONTEXT = 'test-bootstrap';
const LWT = 1_700_000_000_000;

const stored = (i: number, overrides: Partial<Contact> = {}): Stored => ({
  ...makeContact({ id: testId(0x20000 + i), firstName: `Ana ${i}`, nameKey: `ana ${i}`, ...overrides }),
  _deleted: false,
  _rev: '1-bootstrap',
  _meta: { lwt: LWT },
  _attachments: {},
});

let app: OutpostDatabase;
let plain: OutpostDatabase;
const instanceOf = (db: OutpostDatabase) =>
  (db.contacts.storageInstance as unknown as { originalStorageInstance: RxStorageInstanceDexie<Stored> })
    .originalStorageInstance;

beforeAll(async () => {
  const open = (name: string, storage: RxStorage<unknown, unknown>) =>
    openDatabase({ name, storage, multiInstance: false, collections: ['contacts'] });
  app = await open(`bootstrap-insert-app-${Date.now()}`, withIndexedReads(dexie()));
  plain = await open(`bootstrap-insert-plain-${Date.now()}`, dexie());
}, 60_000);

afterAll(async () => {
  await Promise.all([app?.remove(), plain?.remove()]);
});

describe('a first sync’s inserts into the app’s storage', () => {
  it('stores new records without reading their ids first, exactly as RxDB’s bulkWrite stores them', async () => {
    const docs = Array.from({ length: 300 }, (_, i) => stored(i));
    const instance = instanceOf(app);
    const reads = vi.spyOn((await instance.internals).dexieTable, 'bulkGet');
    const existing = await bootstrapInserter(instance)(structuredClone(docs), CONTEXT);
    expect(existing).toEqual([]);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();

    await instanceOf(plain).bulkWrite(
      structuredClone(docs).map((document) => ({ document })),
      CONTEXT,
    );
    const ids = docs.map((d) => d.id);
    expect(await instance.findDocumentsById(ids, true)).toEqual(await instanceOf(plain).findDocumentsById(ids, true));
    // And the app reads them back through RxDB, by its indexes.
    const found = await app.contacts
      .find({ selector: { nameKey: { $gte: 'ana 1' } }, sort: [{ nameKey: 'asc' }] })
      .exec();
    expect(found.length).toBe(docs.filter((d) => d.nameKey >= 'ana 1').length);
  });

  it('leaves a record already stored as it is and hands it back, storing the others', async () => {
    const instance = instanceOf(app);
    const edited = { ...stored(1000, { firstName: 'Edited here' }), _rev: '2-local' };
    await instance.bulkWrite([{ document: edited }], 'local-edit');
    const batch = [stored(1001), stored(1000, { firstName: 'From the server' }), stored(1002)];

    const existing = await bootstrapInserter(instance)(batch, CONTEXT);

    expect(existing).toEqual([edited]);
    const now = await instance.findDocumentsById(
      [testId(0x20000 + 1000), testId(0x20000 + 1001), testId(0x20000 + 1002)],
      true,
    );
    expect(now.map((d) => [d.id, d.firstName])).toEqual([
      [testId(0x20000 + 1000), 'Edited here'],
      [testId(0x20000 + 1001), 'Ana 1001'],
      [testId(0x20000 + 1002), 'Ana 1002'],
    ]);
  });

  it('emits the change events RxDB’s bulkWrite emits for the same inserts: one bulk, the stored ones left out', async () => {
    const instance = instanceOf(app);
    await instance.bulkWrite([{ document: stored(2001) }], 'local-edit');
    const batch = [stored(2000), stored(2001), stored(2002), { ...stored(2003), _deleted: true }];
    const bulks: EventBulk<RxStorageChangeEvent<Stored>, unknown>[] = [];
    const sub = instance.changeStream().subscribe((bulk) => bulks.push(bulk));
    try {
      await bootstrapInserter(instance)(structuredClone(batch), CONTEXT);
    } finally {
      sub.unsubscribe();
    }
    expect(bulks).toHaveLength(1);
    expect(bulks[0]!.context).toBe(CONTEXT);
    // A removed record is stored (a tombstone) but, as with bulkWrite, not announced as an insert.
    expect(bulks[0]!.events).toEqual([
      { documentId: batch[0]!.id, operation: 'INSERT', documentData: batch[0], previousDocumentData: undefined },
      { documentId: batch[2]!.id, operation: 'INSERT', documentData: batch[2], previousDocumentData: undefined },
    ]);
    expect(bulks[0]!.checkpoint).toEqual({ id: batch[3]!.id, lwt: LWT });
    expect(await instance.findDocumentsById([batch[3]!.id], true)).toEqual([batch[3]]);
  });
});
