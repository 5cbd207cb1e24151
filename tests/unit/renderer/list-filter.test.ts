import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import fc from 'fast-check';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKey } from '../../../domain/derived-fields';
import { viewQuery, type MangoSelector, type ViewReader } from '../../../domain/record-views/view-query';
import type { ViewFilter, ViewSort } from '../../../domain/record-views/view-state';
import type { Contact } from '../../../domain/schemas/contact';
import { parseSearchQuery } from '../../../domain/search-text';
import { openDatabase, type OutpostDatabase } from '../../../renderer/db/database';
import { indexedFilterOf, onlyListed } from '../../../renderer/db/list-filter';
import { type RecordSearchIndex } from '../../../renderer/db/record-search-index';
import { searchIndexFor } from '../../../renderer/db/search-index-for';
import { withIndexedReads } from '../../../renderer/db/storage/with-indexed-reads';
import { createRandom } from '../../../demo-data/random';
import { makeContact, testId } from '../domain/fixtures';

/**
 * A "Name contains" filter answered by the list's search index (renderer/db/list-filter.ts) finds
 * the same contacts, in the same order, as the storage query of the same view (RxDB's Dexie storage
 * on fake-indexeddb, through the app's storage wrapper): accents, case, several words, characters
 * a regular expression would read, ties on the name, the bin and removed records included.
 */

const FIRST = ['Ana Belén', 'ANA', 'María José', 'Luz', 'Lucía', 'Marco', 'Ñandú', 'Zoë', 'Ana'];
const LAST = ['Núñez', "O'Brien", 'Aguilar Núñez', 'Marañón', 'Lu', 'Smith-Jones', 'Mar (Sr.)', 'Ruiz'];
const OWNERS = [testId(0xa1), testId(0xa2)];
/** What people type in the filter: parts of names with and without accents, any case, phrases, punctuation. */
const TYPED = [
  'ana',
  'ANA',
  'Ana Belén',
  'ana belen',
  'belen',
  'núñez',
  'NUNEZ',
  'nunez ana',
  'aguilar nunez',
  "o'b",
  'mar',
  'mar (',
  'sr.)',
  '.',
  'lu',
  'zoe',
  'ñ',
  'n',
  'smith-j',
  ' ',
  'x',
];

const reader: ViewReader = { id: OWNERS[0]!, teamId: '', teamMemberIds: [] };
const now = new Date('2026-02-15T12:00:00.000Z');

function contacts(count: number): Contact[] {
  // Seeded: the same workspace on every run.
  const { next, pick } = createRandom(7);
  return Array.from({ length: count }, (_, i) => {
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    return makeContact({
      id: testId(0x20000 + i),
      firstName,
      lastName,
      // As the collection derives it (domain/collections/contacts.ts).
      nameKey: searchKey(`${lastName} ${firstName}`),
      email: `${i}@example.com`,
      phone: '',
      mobile: '',
      companyId: '',
      ownerId: pick(OWNERS),
      deletedAt: next() < 0.1 ? '2026-01-01T00:00:00.000Z' : null,
    });
  });
}

let db: OutpostDatabase;
let index: RecordSearchIndex<'contacts'>;

beforeAll(async () => {
  const storage = withIndexedReads(getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>);
  db = await openDatabase({
    name: 'list-filter',
    storage,
    multiInstance: false,
    collections: ['contacts', 'companies'],
  });
  const docs = contacts(400);
  await db.contacts.bulkInsert(docs);
  // Removed from the store (RxDB's _deleted), not only in the bin: in no list.
  const removed = await db.contacts.findByIds(docs.filter((_, i) => i % 17 === 0).map((d) => d.id)).exec();
  await Promise.all([...removed.values()].map((d) => d.remove()));
  index = searchIndexFor(db, 'contacts');
  index.prepare();
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (index.status === 'ready') resolve();
      else if (index.status === 'failed') reject(new Error('the search index failed'));
    };
    index.subscribe(check);
    check();
  });
}, 60_000);

afterAll(async () => {
  await db?.remove();
});

const contains = (value: string): ViewFilter => ({ field: 'name', op: 'contains', value: JSON.stringify(value) });

/** The ids the record table shows for a view: the storage's query, every record in order. */
async function fromStorage(selector: MangoSelector, sort: ViewSort[]) {
  const query = viewQuery('contacts', { filters: [], sort }, reader, now);
  const docs = await db.contacts.find({ selector: selector as never, sort: query.sort as never }).exec();
  return docs.map((d) => d.id);
}

/** The same through the index, as useRecordWindow reads it: matched ids, joined with the rest of the selector if any. */
async function fromIndex(selector: MangoSelector, sort: ViewSort[], search = '') {
  const served = indexedFilterOf('contacts', selector);
  expect(served).not.toBeNull();
  const { sort: mango } = viewQuery('contacts', { filters: [], sort }, reader, now);
  const [field, dir] = Object.entries(mango[0]!)[0]!;
  const ids = index.search(parseSearchQuery(search), { field, dir }, served!.filter);
  if (onlyListed(served!.rest)) return ids;
  return fromStorage({ ...served!.rest, id: { $in: ids } }, sort);
}

const viewArb = fc.record({
  typed: fc.oneof(fc.constantFrom(...TYPED), fc.string({ maxLength: 3 })),
  second: fc.option(fc.constantFrom(...TYPED), { nil: undefined }),
  owner: fc.boolean(),
  dir: fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
});

describe('a "Name contains" filter answered by the list search index', () => {
  it('finds what the storage query finds, in the same order, for accents, case, phrases and punctuation', async () => {
    await fc.assert(
      fc.asyncProperty(viewArb, async ({ typed, second, owner, dir }) => {
        const filters = [contains(typed), ...(second === undefined ? [] : [contains(second)])];
        if (owner) filters.push({ field: 'owner', op: 'eq', value: JSON.stringify(OWNERS[0]) });
        const sort: ViewSort[] = [{ field: 'name', direction: dir }];
        const { selector } = viewQuery('contacts', { filters, sort }, reader, now);
        expect(await fromIndex(selector, sort)).toEqual(await fromStorage(selector, sort));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('finds typed accented names without their accents and in any case, and a phrase only as a phrase', async () => {
    const sort: ViewSort[] = [{ field: 'name', direction: 'asc' }];
    const count = async (typed: string) =>
      (await fromIndex(viewQuery('contacts', { filters: [contains(typed)], sort }, reader, now).selector, sort)).length;
    expect(await count('NÚÑEZ')).toBe(await count('nunez'));
    expect(await count('nunez')).toBeGreaterThan(0);
    // nameKey is "last first": "nunez ana" is a phrase found in "aguilar nunez ana belen", "ana nunez" is in none.
    expect(await count('nunez ana')).toBeGreaterThan(0);
    expect(await count('ana nunez')).toBe(0);
  });

  it('narrows a search typed under the filter to what both find', async () => {
    const sort: ViewSort[] = [{ field: 'name', direction: 'asc' }];
    const { selector } = viewQuery('contacts', { filters: [contains('ana')], sort }, reader, now);
    const both = await fromIndex(selector, sort, 'mar');
    const searched = index.search(parseSearchQuery('mar'));
    const filtered = await fromStorage(selector, sort);
    expect(both).toEqual(filtered.filter((id) => searched.includes(id)));
    expect(both.length).toBeGreaterThan(0);
  });
});
