import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import fc from 'fast-check';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie, type RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';
import { getQueryMatcher } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../domain/schemas/contact';
import { openDatabase, type OutpostDatabase } from '../../../renderer/db/database';
import { descendingIndexQuery } from '../../../renderer/db/storage/descending-index-queries';
import { withIndexedReads } from '../../../renderer/db/storage/with-indexed-reads';
import { scanIndexRange } from '../../../renderer/db/storage/index-range-scan';
import { scanningCount } from '../../../renderer/db/storage/scanning-count';
import { storedFormReader } from '../../../renderer/db/storage/stored-form';
import {
  SEARCH_ROWS_METHOD,
  searchRows,
  type SearchRowsPage,
  type SearchRowsRequest,
} from '../../../renderer/db/storage/search-rows';
import { searchRowOf, type SearchRow } from '../../../renderer/db/search-row';
import { searchIndexFor } from '../../../renderer/db/search-index-for';
import { parseSearchQuery } from '../../../domain/search-text';
import { createRandom } from '../../../demo-data/random';
import { makeContact, testId } from '../domain/fixtures';

/**
 * The reads the app's storage worker makes cheaper (renderer/db/storage/with-indexed-reads.ts) —
 * descending lists read backwards along an index, counts by a scan that keeps nothing, search rows
 * computed where the records are — must answer exactly as RxDB's Dexie storage does: same records,
 * same order, ties broken by id, on IndexedDB (fake-indexeddb here; the app runs the same storage
 * in its worker).
 */

const dexie = () => getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;

const NAMES = ['alba', 'bruno', 'carla', 'diego', 'elena', 'fabio', 'gala', 'hugo'];
const OWNERS = ['', testId(0xa1), testId(0xa2), testId(0xa3)];
const COMPANIES = ['', testId(0xc1), testId(0xc2)];

function contacts(count: number): Contact[] {
  // Seeded: the same workspace on every run.
  const { next, pick } = createRandom(31);
  return Array.from({ length: count }, (_, i) => {
    // Few distinct names, so that most rows tie on the sort and only the id orders them.
    const name = pick(NAMES);
    return makeContact({
      id: testId(0x10000 + i),
      firstName: name,
      lastName: name,
      nameKey: next() < 0.5 ? name : `${name} ${pick(NAMES)}`,
      email: next() < 0.3 ? `${name}@example.com` : '',
      ownerId: pick(OWNERS),
      companyId: pick(COMPANIES),
      deletedAt: next() < 0.1 ? '2026-01-01T00:00:00.000Z' : null,
    });
  });
}

/** Selectors shaped as the record table's view queries are (domain/record-views/view-query.ts). */
const selectorArb = fc
  .record({
    owner: fc.option(fc.constantFrom(...OWNERS), { nil: undefined }),
    company: fc.option(fc.constantFrom(...COMPANIES), { nil: undefined }),
    from: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
    to: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
    emailContains: fc.option(fc.constantFrom('a', 'example', 'zz'), { nil: undefined }),
    ids: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 700 }), { maxLength: 40 }), { nil: undefined }),
  })
  .map(({ owner, company, from, to, emailContains, ids }) => {
    const selector: Record<string, unknown> = { deletedAt: null };
    if (owner !== undefined) selector.ownerId = { $eq: owner };
    if (company !== undefined) selector.companyId = { $eq: company };
    if (from !== undefined || to !== undefined)
      selector.nameKey = { ...(from !== undefined && { $gte: from }), ...(to !== undefined && { $lt: to }) };
    if (emailContains !== undefined) selector.email = { $regex: emailContains, $options: 'i' };
    if (ids !== undefined) selector.id = { $in: ids.map((n) => testId(0x10000 + n)) };
    return selector;
  });

type Dir = 'asc' | 'desc';
// The view's sort is one field then the id in the same direction; RxDB itself adds `id: 'asc'`
// after a sort that lacks it, which no index serves backwards.
const sortArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Dir>('desc', 'asc').map((d) => [{ nameKey: d }, { id: d }]) },
  { weight: 2, arbitrary: fc.constantFrom<Dir>('desc', 'asc').map((d) => [{ ownerId: d }, { nameKey: d }, { id: d }]) },
  { weight: 1, arbitrary: fc.constantFrom<Dir>('desc', 'asc').map((d) => [{ id: d }]) },
  { weight: 1, arbitrary: fc.constant([{ nameKey: 'desc' }]) },
);

const queryArb = fc.record({
  selector: selectorArb,
  sort: sortArb,
  skip: fc.option(fc.integer({ min: 0, max: 650 }), { nil: undefined }),
  limit: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
});

let plain: OutpostDatabase;
let reversing: OutpostDatabase;
const docs = contacts(700);

beforeAll(async () => {
  const open = (name: string, storage: RxStorage<unknown, unknown>) =>
    openDatabase({ name, storage, multiInstance: false, collections: ['contacts', 'companies'] });
  plain = await open('descending-plain', dexie());
  reversing = await open('descending-reversing', withIndexedReads(dexie()));
  for (const db of [plain, reversing]) {
    await db.contacts.bulkInsert(docs);
    // Removed from the store (RxDB's _deleted), not only soft-deleted: never in any list.
    const removed = await db.contacts.findByIds(docs.filter((_, i) => i % 23 === 0).map((d) => d.id)).exec();
    await Promise.all([...removed.values()].map((d) => d.remove()));
  }
}, 60_000);

afterAll(async () => {
  await Promise.all([plain?.remove(), reversing?.remove()]);
});

describe('descending lists read backwards along an index', () => {
  it("answers every list query exactly as RxDB's Dexie storage does, order and ties included", async () => {
    let served = 0;
    const raw = (plain.contacts.storageInstance as unknown as { originalStorageInstance: unknown })
      .originalStorageInstance as RxStorageInstanceDexie<Contact>;
    await fc.assert(
      fc.asyncProperty(queryArb, async (query) => {
        const prepared = plain.contacts.find(query as never).getPreparedQuery();
        const ours = await descendingIndexQuery(raw, prepared);
        if (ours) {
          served++;
          expect(ours.documents).toEqual((await raw.query(prepared)).documents);
        }
        // And through the app's wrapped storage, as the record table reads a window.
        const expected = (await plain.contacts.find(query as never).exec()).map((d) => d.id);
        const actual = (await reversing.contacts.find(query as never).exec()).map((d) => d.id);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 200 },
    );
    // The comparison is worth something only if the backwards walk answered many of them.
    expect(served).toBeGreaterThan(40);
    // A guard against a hang: 200 queries on fake-indexeddb take seconds on a loaded machine.
  }, 120_000);

  it('walks the index backwards for a descending sort the index serves ascending, and leaves the rest to RxDB', () => {
    const raw = (plain.contacts.storageInstance as unknown as { originalStorageInstance: unknown })
      .originalStorageInstance as RxStorageInstanceDexie<Contact>;
    const answered = (query: object) => descendingIndexQuery(raw, plain.contacts.find(query).getPreparedQuery());
    return Promise.all([
      expect(
        answered({ selector: { deletedAt: null }, sort: [{ nameKey: 'desc' }, { id: 'desc' }] }),
      ).resolves.not.toBeNull(),
      expect(
        answered({ selector: { deletedAt: null, ownerId: OWNERS[1] }, sort: [{ nameKey: 'desc' }, { id: 'desc' }] }),
      ).resolves.not.toBeNull(),
      expect(answered({ selector: { deletedAt: null }, sort: [{ nameKey: 'asc' }] })).resolves.toBeNull(),
      expect(
        answered({ selector: { deletedAt: null }, sort: [{ nameKey: 'desc' }, { id: 'asc' }] }),
      ).resolves.toBeNull(),
      // No index starts with the email: RxDB reads and sorts, as before.
      expect(answered({ selector: { deletedAt: null }, sort: [{ email: 'desc' }] })).resolves.toBeNull(),
    ]);
  });
});

const rawContacts = (db: OutpostDatabase) =>
  (db.contacts.storageInstance as unknown as { originalStorageInstance: unknown })
    .originalStorageInstance as RxStorageInstanceDexie<Contact>;

describe('counts no index satisfies, by a scan that keeps nothing', () => {
  it("counts every list selector exactly as RxDB's Dexie storage does", async () => {
    let scanned = 0;
    await fc.assert(
      fc.asyncProperty(selectorArb, async (selector) => {
        const prepared = plain.contacts.find({ selector } as never).getPreparedQuery();
        const expected = (await plain.contacts.storageInstance.count(prepared)).count;
        const ours = await scanningCount(rawContacts(plain), prepared);
        if (ours) {
          scanned++;
          expect(ours.count).toBe(expected);
        }
        // And through the app's wrapped storage, as a list's footer counts.
        expect((await reversing.contacts.storageInstance.count(prepared)).count).toBe(expected);
      }),
      { numRuns: 150 },
    );
    expect(scanned).toBeGreaterThan(100);
  }, 120_000);

  it('reads an index range in batches that together hold each record of it exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(selectorArb, fc.integer({ min: 1, max: 40 }), async (selector, batch) => {
        const prepared = plain.contacts.find({ selector, sort: [{ id: 'asc' }] } as never).getPreparedQuery();
        const matches = getQueryMatcher(rawContacts(plain).schema, prepared.query);
        const read = storedFormReader(rawContacts(plain).schema as never, ['_deleted']);
        const seen: string[] = [];
        await scanIndexRange(
          rawContacts(plain),
          prepared.queryPlan,
          (stored) => {
            expect(stored.length).toBeLessThanOrEqual(batch);
            // As the worker's scans do: each record turned into RxDB's form in place.
            for (const doc of stored) if (matches(read(doc) as never)) seen.push(doc.id as string);
          },
          batch,
        );
        const expected = (await rawContacts(plain).query(prepared)).documents.map((d) => d.id);
        expect([...seen].sort()).toEqual([...expected].sort());
        expect(new Set(seen).size).toBe(seen.length);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('search rows computed where the records are', () => {
  it('hands over every stored record once, in list order, binned ones included, page after page', async () => {
    const raw = rawContacts(reversing);
    const rows: SearchRow[] = [];
    let after: SearchRowsRequest['after'] = null;
    for (let page = 0; page < 200; page++) {
      const answer: SearchRowsPage = await searchRows(raw, { after, limit: 9 });
      expect(answer.rows.length).toBeLessThanOrEqual(9);
      rows.push(...answer.rows);
      const last = answer.rows[answer.rows.length - 1];
      if (answer.done || !last) break;
      after = { sortKey: last.sortKey, id: last.id };
    }
    const stored = await reversing.contacts.find({ sort: [{ nameKey: 'asc' }, { id: 'asc' }] }).exec();
    expect(stored.some((d) => d.deletedAt)).toBe(true);
    expect(rows).toEqual(stored.map((d) => searchRowOf('contacts', d.toJSON() as Contact)));
  }, 60_000);

  it('finds the same records when the search index is built from them as when it reads the records', async () => {
    const fromRows = searchIndexFor(reversing, 'contacts');
    const fromRecords = searchIndexFor(plain, 'contacts');
    fromRows.prepare();
    fromRecords.prepare();
    await expect.poll(() => [fromRows.status, fromRecords.status], { timeout: 30_000 }).toEqual(['ready', 'ready']);
    // The app's storage offers the rows; RxDB's own Dexie storage does not, so that index reads records.
    expect(typeof (rawContacts(reversing) as unknown as Record<string, unknown>)[SEARCH_ROWS_METHOD]).toBe('function');
    expect((rawContacts(plain) as unknown as Record<string, unknown>)[SEARCH_ROWS_METHOD]).toBeUndefined();
    let found = 0;
    for (const typed of ['alba', 'di', 'example', 'carla hugo', 'zz']) {
      const query = parseSearchQuery(typed);
      found += fromRows.search(query).length;
      expect(fromRows.search(query)).toEqual(fromRecords.search(query));
    }
    expect(found).toBeGreaterThan(200);
  });
});
