import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OutpostDatabase } from '../../../renderer/db/database';
import type { PaletteResults } from '../../../renderer/search/palette-index';
import { PALETTE_PAGE_SIZE, paletteSearchFor } from '../../../renderer/search/palette-search';
import { readRecentRecords, recentRecords$, rememberOpened } from '../../../renderer/search/recent-records';
import { makeActivity, makeCompany, makeContact, makeDeal, testId } from '../domain/fixtures';
import { applyTaskByTask } from './sliced-sync-write';

/**
 * The palette's search kept from a real RxDB database (RxDB's memory storage stands in for
 * IndexedDB, as in the list search index's tests; the palette benchmark runs it on the app's own
 * storage in Chromium): built from storage page by page, then kept current from the
 * collections' change events — local writes, the replication's writes, and the initial sync's
 * writes beneath RxDB.
 */
let opened: OutpostDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.map((db) => db.close()));
  opened = [];
});

let counter = 0;
async function open(collections: ('companies' | 'contacts' | 'deals' | 'activities')[] = ['companies', 'contacts']) {
  const db = await openDatabase({
    name: `palette-search-${++counter}`,
    storage: getRxStorageMemory() as never,
    multiInstance: false,
    collections,
  });
  opened.push(db);
  return db;
}

function person(n: number, firstName: string, lastName: string, extra: Record<string, unknown> = {}) {
  return makeContact({
    id: testId(0x10000 + n),
    firstName,
    lastName,
    nameKey: `${lastName} ${firstName}`.toLowerCase(),
    email: '',
    phone: '',
    mobile: '',
    companyId: '',
    ...extra,
  });
}

/** Nancy Davolio and Andrew Fuller stored, and the palette's search over them prepared. */
async function nancyAndAndrew() {
  const db = await open();
  const nancy = person(1, 'Nancy', 'Davolio');
  const andrew = person(2, 'Andrew', 'Fuller');
  await db.contacts.bulkInsert([nancy, andrew]);
  const search = paletteSearchFor(db);
  await search.prepare();
  return { db, nancy, andrew, search };
}

const ids = (results: PaletteResults, collection: string) =>
  results.groups.find((g) => g.collection === collection)?.hits.map((h) => h.id) ?? [];

describe('the palette search over the local database', () => {
  it('reads every record of a collection larger than one page before it answers', async () => {
    const db = await open();
    const count = PALETTE_PAGE_SIZE * 2 + 3;
    await db.contacts.bulkInsert(Array.from({ length: count }, (_, i) => person(i + 1, 'Ana', `Surname${i}`)));
    const search = paletteSearchFor(db);
    expect(search.status).toBe('idle');
    const results = await search.search('ana', { limit: count + 1 });
    expect(search.status).toBe('ready');
    expect(new Set(ids(results, 'contacts')).size).toBe(count);
    expect(ids(await search.search('surname2002'), 'contacts')[0]).toBe(testId(0x10000 + 2003));
  });

  it('searches activities with the other records when the database has them', async () => {
    const db = await open(['companies', 'contacts', 'deals', 'activities']);
    await db.activities.insert(makeActivity({ id: testId(0xac1), subject: 'Quarterly review with Contoso' }));
    await db.companies.insert(makeCompany({ id: testId(0xc1), name: 'Contoso', domain: 'contoso.example' }));
    await db.deals.insert(makeDeal({ id: testId(0xd1), title: 'Contoso renewal', companyId: testId(0xc1) }));
    const results = await paletteSearchFor(db).search('contoso');
    expect(results.groups.map((g) => g.collection)).toEqual(['companies', 'deals', 'activities']);
  });

  it('keeps changes made while it is being built', async () => {
    const db = await open();
    await db.contacts.bulkInsert(
      Array.from({ length: PALETTE_PAGE_SIZE + 1 }, (_, i) => person(i + 100, 'Ana', `Ruiz${i}`)),
    );
    const search = paletteSearchFor(db);
    const ready = search.prepare();
    await db.contacts.insert(person(1, 'Nadia', 'Quispe'));
    await ready;
    await expect.poll(async () => ids(await search.search('quispe'), 'contacts')).toEqual([testId(0x10001)]);
  });

  it('finds a record written after it was built, and a renamed one by its new name only', async () => {
    const db = await open();
    const nancy = person(1, 'Nancy', 'Davolio');
    await db.contacts.insert(nancy);
    const search = paletteSearchFor(db);
    await search.prepare();
    await db.contacts.insert(person(2, 'Nadia', 'Quispe'));
    await expect.poll(async () => ids(await search.search('quispe'), 'contacts')).toEqual([testId(0x10002)]);
    await (await db.contacts.findOne(nancy.id).exec())!.incrementalPatch({
      lastName: 'Fuller',
      nameKey: 'fuller nancy',
    });
    await expect.poll(async () => ids(await search.search('fuller'), 'contacts')).toEqual([nancy.id]);
    expect(ids(await search.search('davolio'), 'contacts')).toEqual([]);
  });

  it('finds records that arrive by sync, and forgets those the sync removes from the device', async () => {
    const db = await open();
    const search = paletteSearchFor(db);
    await search.prepare();
    // A sync batch: the replication writes pulled records into the collection's storage.
    const batch = Array.from({ length: 1000 }, (_, i) => person(i + 1, 'Nancy', `Davolio${i}`));
    const meta = () => ({ _attachments: {}, _rev: '1-a', _meta: { lwt: Date.now() } });
    await db.contacts.storageInstance.bulkWrite(
      batch.map((p) => ({ document: { ...p, _deleted: false, ...meta() } })) as never,
      'replication-write',
    );
    await expect.poll(async () => ids(await search.search('davolio999'), 'contacts')[0]).toBe(batch[999]!.id);
    // The initial sync (renderer/db/sync/bootstrap.ts) writes beneath RxDB's wrapper.
    const storage = (
      db.contacts.storageInstance as unknown as { originalStorageInstance: typeof db.contacts.storageInstance }
    ).originalStorageInstance;
    const bootstrapped = person(5000, 'Andrew', 'Leverling');
    await storage.bulkWrite(
      [{ document: { ...bootstrapped, _deleted: false, ...meta() } }] as never,
      'outpost-bootstrap',
    );
    await expect.poll(async () => ids(await search.search('leverling'), 'contacts')).toEqual([bootstrapped.id]);
    // The record leaves the user's sight: the server sends it as removed.
    const current = await db.contacts.findOne(batch[999]!.id).exec();
    await db.contacts.storageInstance.bulkWrite(
      [
        {
          previous: current!.toMutableJSON(true) as never,
          document: { ...batch[999]!, _deleted: true, ...meta(), _rev: '2-b' },
        },
      ] as never,
      'replication-write',
    );
    await expect.poll(async () => ids(await search.search('davolio999'), 'contacts')).not.toContain(batch[999]!.id);
  });

  it('applies a 5,000-record sync write a slice per task, and finds every record and each change made meanwhile', async () => {
    const { db, nancy, andrew, search } = await nancyAndAndrew();
    const meta = (rev: string) => ({ _deleted: false, _attachments: {}, _rev: rev, _meta: { lwt: Date.now() } });
    const previous = async (id: string) => (await db.contacts.findOne(id).exec())!.toMutableJSON(true);
    const [nancyBefore, andrewBefore] = [await previous(nancy.id), await previous(andrew.id)];
    const found = async () => ids(await search.search('callahan', { limit: 10_000 }), 'contacts').length;
    const batch = Array.from({ length: 5000 }, (_, i) => person(i + 10, 'Laura', `Callahan${i}`));
    await applyTaskByTask(
      () =>
        db.contacts.storageInstance.bulkWrite(
          batch.map((p) => ({ document: { ...p, ...meta('1-a') } })) as never,
          'replication-write',
        ),
      found,
      async (task) => {
        if (task !== 3) return;
        // A rename, a removal and a new record arrive while the write is still being applied.
        await db.contacts.storageInstance.bulkWrite(
          [
            {
              previous: nancyBefore,
              document: { ...nancy, lastName: 'Quispe', nameKey: 'quispe nancy', ...meta('2-b') },
            },
            { previous: andrewBefore, document: { ...andrew, ...meta('2-b'), _deleted: true } },
            { document: { ...person(9, 'Robert', 'King'), ...meta('1-a') } },
          ] as never,
          'replication-write',
        );
      },
    );
    expect(await found()).toBe(batch.length);
    expect(ids(await search.search('callahan4999'), 'contacts')[0]).toBe(batch[4999]!.id);
    expect(ids(await search.search('quispe'), 'contacts')).toEqual([nancy.id]);
    expect(ids(await search.search('davolio'), 'contacts')).toEqual([]);
    expect(ids(await search.search('fuller'), 'contacts')).toEqual([]);
    expect(ids(await search.search('robert king'), 'contacts')).toEqual([testId(0x10009)]);
  }, 60_000);

  it('drops a record moved to the bin or deleted, and brings it back when it is restored', async () => {
    const { db, nancy, andrew, search } = await nancyAndAndrew();
    const doc = await db.contacts.findOne(nancy.id).exec();
    await doc!.incrementalPatch({ deletedAt: '2026-03-02T16:00:00.000Z' });
    await expect.poll(async () => ids(await search.search('davolio'), 'contacts')).toEqual([]);
    await doc!.incrementalPatch({ deletedAt: null });
    await expect.poll(async () => ids(await search.search('davolio'), 'contacts')).toEqual([nancy.id]);
    await (await db.contacts.findOne(andrew.id).exec())!.remove();
    await expect.poll(async () => ids(await search.search('fuller'), 'contacts')).toEqual([]);
  });

  it('describes a recently opened record by its label and detail, and not once it is in the bin', async () => {
    const db = await open();
    const contact = person(1, 'José', 'Núñez', { email: 'jose@acme.mx' });
    await db.contacts.insert(contact);
    const search = paletteSearchFor(db);
    expect(await search.describe('contacts', contact.id)).toMatchObject({
      collection: 'contacts',
      id: contact.id,
      label: 'José Núñez',
      detail: 'jose@acme.mx',
    });
    expect(await search.describe('contacts', testId(999))).toBeNull();
    await db.contacts.findOne(contact.id).patch({ deletedAt: '2026-12-07T09:00:00.000Z' });
    await expect.poll(() => search.describe('contacts', contact.id)).toBeNull();
  });

  it('tells its listeners when results may have changed', async () => {
    const db = await open();
    const search = paletteSearchFor(db);
    let heard = 0;
    search.subscribe(() => heard++);
    await search.prepare();
    expect(heard).toBe(1);
    await db.contacts.insert(person(1, 'Nancy', 'Davolio'));
    await expect.poll(() => heard).toBe(2);
  });
});

describe('recently opened records', () => {
  it('keeps both of two records opened at once, the later first, and tells whoever follows the list', async () => {
    const db = await open();
    const heard: string[][] = [];
    const subscription = recentRecords$(db).subscribe((list) => heard.push(list.map((r) => r.id)));
    await Promise.all([
      rememberOpened(db, { collection: 'contacts', id: testId(1) }),
      rememberOpened(db, { collection: 'companies', id: testId(2) }),
    ]);
    expect(await readRecentRecords(db)).toEqual([
      { collection: 'companies', id: testId(2) },
      { collection: 'contacts', id: testId(1) },
    ]);
    await expect.poll(() => heard.at(-1)).toEqual([testId(2), testId(1)]);
    subscription.unsubscribe();
  });

  it("are kept in the user's database, newest first, and survive closing it", async () => {
    const storage = getRxStorageMemory() as never;
    const name = `palette-recent-${++counter}`;
    const first = await openDatabase({ name, storage, multiInstance: false, collections: ['contacts'] });
    expect(await readRecentRecords(first)).toEqual([]);
    await rememberOpened(first, { collection: 'contacts', id: testId(1) });
    await rememberOpened(first, { collection: 'deals', id: testId(2) });
    await first.close();
    const again = await openDatabase({ name, storage, multiInstance: false, collections: ['contacts'] });
    opened.push(again);
    expect(await readRecentRecords(again)).toEqual([
      { collection: 'deals', id: testId(2) },
      { collection: 'contacts', id: testId(1) },
    ]);
  });
});
