import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import fc from 'fast-check';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie, type RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../domain/schemas/contact';
import { openDatabase, type OutpostDatabase } from '../../../renderer/db/database';
import {
  descendingIndexQuery,
  withDescendingIndexQueries,
} from '../../../renderer/db/storage/descending-index-queries';
import { makeContact, testId } from '../domain/fixtures';

/**
 * Descending lists read backwards along an index (renderer/db/storage/descending-index-queries.ts)
 * must answer exactly as RxDB's Dexie storage does — same records, same order, ties broken by id —
 * on IndexedDB (fake-indexeddb here; the app runs the same storage in its worker).
 */

const dexie = () => getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;

const NAMES = ['alba', 'bruno', 'carla', 'diego', 'elena', 'fabio', 'gala', 'hugo'];
const OWNERS = ['', testId(0xa1), testId(0xa2), testId(0xa3)];
const COMPANIES = ['', testId(0xc1), testId(0xc2)];

/** A small deterministic generator: the same workspace on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function contacts(count: number): Contact[] {
  const next = random(31);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
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
    openDatabase({ name, storage, multiInstance: false, collections: ['contacts'] });
  plain = await open('descending-plain', dexie());
  reversing = await open('descending-reversing', withDescendingIndexQueries(dexie()));
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
    expect(served).toBeGreaterThan(60);
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
