import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectionDocs } from '../../../domain/collections';
import { editRecord } from '../../../domain/record-edits';
import { parseSearchQuery, type SearchableCollection } from '../../../domain/search-text';
import { openDatabase, type OutpostDatabase } from '../../../renderer/db/database';
import { type RecordSearchIndex } from '../../../renderer/db/record-search-index';
import { searchIndexFor } from '../../../renderer/db/search-index-for';
import { INDEX_PAGE_SIZE } from '../../../renderer/db/search-row-pages';
import { ctxAt, makeCompany, makeContact, makeDeal, testId } from '../domain/fixtures';
import { applyTaskByTask } from './sliced-sync-write';

/**
 * The list search index over a real RxDB database (RxDB's memory storage stands in for IndexedDB):
 * built from storage page by page, then kept current from the collection's change events.
 */
let opened: OutpostDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.map((db) => db.close()));
  opened = [];
});

let counter = 0;
async function open() {
  const db = await openDatabase({
    name: `search-index-${++counter}`,
    storage: getRxStorageMemory() as never,
    multiInstance: false,
    collections: ['companies', 'contacts', 'deals'],
  });
  opened.push(db);
  return db;
}

const northwind = makeCompany({ id: testId(0xc0), name: 'Northwind Traders', domain: 'northwind.example' });

function person(n: number, firstName: string, lastName: string, extra: Partial<CollectionDocs['contacts']> = {}) {
  return makeContact({
    id: testId(0x10000 + n),
    firstName,
    lastName,
    nameKey: `${lastName} ${firstName}`.toLowerCase(),
    email: `${firstName.toLowerCase()}${n}@example.com`,
    phone: '',
    mobile: '',
    companyId: '',
    ...extra,
  });
}

async function built<C extends 'companies' | 'contacts' | 'deals'>(db: OutpostDatabase, name: C) {
  const index = searchIndexFor(db, name);
  index.prepare();
  await expect.poll(() => index.status).toBe('ready');
  return index;
}

const find = <C extends SearchableCollection>(index: RecordSearchIndex<C>, query: string) =>
  index.search(parseSearchQuery(query));

describe('the list search index', () => {
  it('reads every record of a collection larger than one page, and lists matches in name order', async () => {
    const db = await open();
    const count = INDEX_PAGE_SIZE * 2 + 7;
    // Ids run opposite to names, so the order of the pages read is not the order of the list.
    const people = Array.from({ length: count }, (_, i) =>
      person(count - i, 'Ana', `Surname${String(i).padStart(5, '0')}`),
    );
    await db.contacts.bulkInsert(people);
    const index = await built(db, 'contacts');
    const ids = find(index, 'ana');
    expect(ids).toHaveLength(count);
    expect(ids).toEqual(people.map((p) => p.id));
    expect(find(index, 'surname00042')).toEqual([people[42]!.id]);
  });

  it('reads each of many records sharing one name exactly once, across pages, and leaves out the binned', async () => {
    const db = await open();
    const count = INDEX_PAGE_SIZE * 2 + 5;
    const namesakes = Array.from({ length: count }, (_, i) => person(i + 1, 'Ana', 'Ruiz'));
    const binned = person(count + 1, 'Ana', 'Ruiz', { deletedAt: '2026-03-02T16:00:00.000Z' });
    await db.contacts.bulkInsert([...namesakes, binned]);
    const index = await built(db, 'contacts');
    expect(find(index, 'ana ruiz')).toEqual(namesakes.map((p) => p.id));
  });

  it('is preparing until its pages are read, and builds nothing before it is asked', async () => {
    const db = await open();
    await db.contacts.insert(person(1, 'Nancy', 'Davolio'));
    const index = searchIndexFor(db, 'contacts');
    expect(index.status).toBe('idle');
    index.prepare();
    expect(index.status).toBe('building');
    await expect.poll(() => index.status).toBe('ready');
    expect(find(index, 'nancy')).toEqual([testId(0x10001)]);
  });

  it('finds a record created after the index was built by its name', async () => {
    const db = await open();
    await db.contacts.insert(person(1, 'Nancy', 'Davolio'));
    const index = await built(db, 'contacts');
    expect(find(index, 'quispe')).toEqual([]);
    await db.contacts.insert(person(2, 'Nadia', 'Quispe'));
    await expect.poll(() => find(index, 'quispe')).toEqual([testId(0x10002)]);
    expect(find(index, 'na')).toEqual([testId(0x10001), testId(0x10002)]);
  });

  it('finds a record renamed after the index was built by its new name, and no longer by its old one', async () => {
    const db = await open();
    const nancy = person(1, 'Nancy', 'Davolio');
    await db.contacts.insert(nancy);
    const index = await built(db, 'contacts');
    const doc = await db.contacts.findOne(nancy.id).exec();
    await doc!.incrementalPatch({ lastName: 'Fuller', nameKey: 'fuller nancy' });
    await expect.poll(() => find(index, 'fuller')).toEqual([nancy.id]);
    expect(find(index, 'davolio')).toEqual([]);
  });

  it('keeps list order when a large batch arrives after the index was built', async () => {
    const db = await open();
    await db.contacts.insert(person(1, 'Ana', 'Zapata'));
    const index = await built(db, 'contacts');
    const batch = Array.from({ length: 500 }, (_, i) => person(1000 - i, 'Ana', `Lopez${String(i).padStart(3, '0')}`));
    await db.contacts.bulkInsert(batch);
    await expect.poll(() => find(index, 'ana')).toEqual([...batch.map((p) => p.id), testId(0x10001)]);
    await db.contacts.insert(person(2, 'Ana', 'Aguirre'));
    await expect.poll(() => find(index, 'ana')[0]).toBe(testId(0x10002));

    // A batch that renames many of them (a sync after a colleague's import) keeps the order too.
    const renamed = batch.slice(0, 300).map((p, i) => ({
      ...p,
      lastName: `Mora${String(299 - i).padStart(3, '0')}`,
      nameKey: `mora${String(299 - i).padStart(3, '0')} ana`,
    }));
    await db.contacts.bulkUpsert(renamed);
    const expected = [
      testId(0x10002),
      ...batch.slice(300).map((p) => p.id),
      ...[...renamed].reverse().map((p) => p.id),
      testId(0x10001),
    ];
    await expect.poll(() => find(index, 'ana')).toEqual(expected);
  });

  it('applies a 5,000-record sync write a slice per task, in list order, with each change made meanwhile', async () => {
    const db = await open();
    const nancy = person(1, 'Nancy', 'Davolio');
    const andrew = person(2, 'Andrew', 'Fuller');
    await db.contacts.bulkInsert([nancy, andrew]);
    const index = await built(db, 'contacts');
    const meta = (rev: string) => ({ _deleted: false, _attachments: {}, _rev: rev, _meta: { lwt: Date.now() } });
    const previous = async (id: string) => (await db.contacts.findOne(id).exec())!.toMutableJSON(true);
    const [nancyBefore, andrewBefore] = [await previous(nancy.id), await previous(andrew.id)];
    // Ids run opposite to names: the list order is not the order they arrive in.
    const batch = Array.from({ length: 5000 }, (_, i) =>
      person(5100 - i, 'Laura', `Callahan${String(i).padStart(4, '0')}`),
    );
    const king = person(9, 'Laura', 'Callahan2500b');
    const ids = batch.map((p) => p.id);
    const listOrder = [nancy.id, ...ids.slice(0, 2501), king.id, ...ids.slice(2501)];
    await applyTaskByTask(
      () =>
        db.contacts.storageInstance.bulkWrite(
          batch.map((p) => ({ document: { ...p, ...meta('1-a') } })) as never,
          'replication-write',
        ),
      () => {
        // A search between two slices sees what is applied so far, in list order.
        const now = find(index, 'callahan');
        const shown = new Set(now);
        expect(now).toEqual(listOrder.filter((id) => shown.has(id)));
        return now.length;
      },
      async (task) => {
        if (task !== 3) return;
        // A rename, a removal and a new record arrive while the write is still being applied.
        await db.contacts.storageInstance.bulkWrite(
          [
            {
              previous: nancyBefore,
              document: {
                ...nancy,
                firstName: 'Laura',
                lastName: 'Callahan',
                nameKey: 'callahan laura',
                ...meta('2-b'),
              },
            },
            { previous: andrewBefore, document: { ...andrew, ...meta('2-b'), _deleted: true } },
            { document: { ...king, ...meta('1-a') } },
          ] as never,
          'replication-write',
        );
      },
    );
    expect(find(index, 'callahan')).toEqual(listOrder);
    expect(find(index, 'davolio')).toEqual([]);
    expect(find(index, 'fuller')).toEqual([]);
  }, 60_000);

  it('keeps changes made while it is being built', async () => {
    const db = await open();
    await db.contacts.bulkInsert(
      Array.from({ length: INDEX_PAGE_SIZE + 1 }, (_, i) => person(i + 100, 'Ana', `Ruiz${i}`)),
    );
    const index = searchIndexFor(db, 'contacts');
    index.prepare();
    await db.contacts.insert(person(1, 'Nadia', 'Quispe'));
    await expect.poll(() => index.status).toBe('ready');
    expect(find(index, 'quispe')).toEqual([testId(0x10001)]);
  });

  it('finds records that arrive by sync: through the replication and written beneath RxDB by the initial sync', async () => {
    const db = await open();
    const index = await built(db, 'contacts');
    // The replication writes pulled records into the collection's storage.
    const pulled = person(1, 'Nancy', 'Davolio');
    await db.contacts.storageInstance.bulkWrite(
      [{ document: { ...pulled, _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: Date.now() } } }],
      'replication-write',
    );
    await expect.poll(() => find(index, 'davolio')).toEqual([pulled.id]);
    // The initial sync (renderer/db/sync/bootstrap.ts) writes to the storage beneath RxDB's wrapper.
    const storage = (
      db.contacts.storageInstance as unknown as { originalStorageInstance: typeof db.contacts.storageInstance }
    ).originalStorageInstance;
    const bootstrapped = person(2, 'Andrew', 'Fuller');
    await storage.bulkWrite(
      [{ document: { ...bootstrapped, _deleted: false, _attachments: {}, _rev: '1-b', _meta: { lwt: Date.now() } } }],
      'outpost-bootstrap',
    );
    await expect.poll(() => find(index, 'fuller')).toEqual([bootstrapped.id]);
  });

  it('drops a record moved to the bin or removed, and brings it back when it is restored', async () => {
    const db = await open();
    const nancy = person(1, 'Nancy', 'Davolio');
    const andrew = person(2, 'Andrew', 'Fuller');
    await db.contacts.bulkInsert([nancy, andrew]);
    const index = await built(db, 'contacts');
    const doc = await db.contacts.findOne(nancy.id).exec();
    await doc!.incrementalPatch({ deletedAt: '2026-03-02T16:00:00.000Z' });
    await expect.poll(() => find(index, 'davolio')).toEqual([]);
    await doc!.incrementalPatch({ deletedAt: null });
    await expect.poll(() => find(index, 'davolio')).toEqual([nancy.id]);
    await (await db.contacts.findOne(andrew.id).exec())!.remove();
    await expect.poll(() => find(index, 'fuller')).toEqual([]);
  });

  it("finds contacts and deals by their company's name, and by its new name once it is renamed", async () => {
    const db = await open();
    await db.companies.insert(northwind);
    const nancy = person(1, 'Nancy', 'Davolio', { companyId: northwind.id });
    await db.contacts.insert(nancy);
    const deal = makeDeal({
      id: testId(0xd1),
      title: 'Solar Energy pilot',
      titleKey: 'solar energy pilot',
      companyId: northwind.id,
    });
    await db.deals.insert(deal);
    const contacts = await built(db, 'contacts');
    const deals = await built(db, 'deals');
    expect(find(contacts, 'traders')).toEqual([nancy.id]);
    expect(find(deals, 'northwind pilot')).toEqual([deal.id]);

    const heard: number[] = [];
    contacts.subscribe(() => heard.push(contacts.version));
    const company = await db.companies.findOne(northwind.id).exec();
    const renamed = editRecord('companies', northwind, { name: 'Southwind Partners' }, ctxAt(9))!;
    await company!.incrementalPatch({ name: renamed.name, nameKey: renamed.nameKey });
    await expect.poll(() => find(contacts, 'southwind')).toEqual([nancy.id]);
    expect(find(contacts, 'traders')).toEqual([]);
    expect(find(deals, 'southwind partners')).toEqual([deal.id]);
    // The lists showing contacts hear of the rename, so they search again.
    expect(heard.length).toBeGreaterThan(0);
  });

  it('orders deals by another column when asked, ties by id in its direction as the list query orders them', async () => {
    const db = await open();
    const deal = (n: number, title: string, amount: number) =>
      makeDeal({
        id: testId(0xd00 + n),
        title,
        titleKey: title.toLowerCase(),
        value: { amount, currency: 'USD' },
      });
    await db.deals.bulkInsert([deal(1, 'Pilot A', 500), deal(2, 'Pilot B', 100), deal(3, 'Pilot C', 500)]);
    const index = await built(db, 'deals');
    const query = parseSearchQuery('pilot');
    expect(index.search(query)).toEqual([testId(0xd01), testId(0xd02), testId(0xd03)]);
    expect(index.search(query, { field: 'value.amount', dir: 'desc' })).toEqual([
      testId(0xd03),
      testId(0xd01),
      testId(0xd02),
    ]);
    const byQuery = await db.deals
      .find({ selector: { deletedAt: null }, sort: [{ 'value.amount': 'desc' }, { id: 'desc' }] })
      .exec();
    expect(index.search(query, { field: 'value.amount', dir: 'desc' })).toEqual(byQuery.map((d) => d.id));
    expect(index.search(query, { field: 'titleKey', dir: 'desc' })).toEqual([
      testId(0xd03),
      testId(0xd02),
      testId(0xd01),
    ]);
  });
});
