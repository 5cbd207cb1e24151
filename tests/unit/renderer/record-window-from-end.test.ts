import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxCollection, RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../domain/schemas/contact';
import type { MangoSort } from '../../../domain/record-views/view-query';
import { openDatabase, type OutpostDatabase } from '../../../renderer/db/database';
import { withIndexedReads } from '../../../renderer/db/storage/with-indexed-reads';
import { queryReads } from '../../../renderer/db/query-reads';
import { WINDOW_PAGE_SIZE, WindowSource, type WindowReads } from '../../../renderer/db/window-source';
import { makeContact, testId } from '../domain/fixtures';

/**
 * Pages in the back half of a list are read from its end along the reversed sort
 * (renderer/db/use-record-window.ts): they must show exactly the rows a forward read shows there,
 * ties included, and a change between the count and such a read must leave no row missing or
 * shown twice. RxDB on fake-indexeddb, with the app's storage wrapper for descending sorts.
 */

const NAMES = ['alba', 'bruno', 'carla', 'diego'];
const SELECTOR = { deletedAt: null };
let db: OutpostDatabase;
let serial = 0;

function contact(name: string, deleted = false): Contact {
  const n = serial++;
  return makeContact({
    id: testId(0x10000 + ((n * 7919) % 100_000)),
    firstName: name,
    lastName: name,
    // Few distinct keys: most rows tie on the sort and only the id orders them.
    nameKey: name,
    deletedAt: deleted ? '2026-01-01T00:00:00.000Z' : null,
  });
}

beforeAll(async () => {
  const storage = withIndexedReads(getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>);
  db = await openDatabase({ name: 'record-window-from-end', storage, multiInstance: false, collections: ['contacts'] });
  await db.contacts.bulkInsert(Array.from({ length: 530 }, (_, i) => contact(NAMES[i % NAMES.length]!, i % 11 === 0)));
}, 60_000);

afterAll(async () => {
  await db?.remove();
});

const contacts = () => db.contacts as unknown as RxCollection<Contact>;

/** The list as a forward read of the whole of it gives it. */
async function forwardIds(sort: MangoSort): Promise<string[]> {
  const docs = await contacts()
    .find({ selector: SELECTOR, sort: sort as never })
    .exec();
  return docs.map((d) => d.id);
}

/** The app's reads, with each backwards read recorded and, when `hold` is set, held until released. */
function recordedReads(sort: MangoSort) {
  const reads = queryReads<'contacts'>(contacts() as never, SELECTOR, sort);
  const fromEnd: number[] = [];
  const forwardSkips: number[] = [];
  let hold: Promise<void> | null = null;
  let counts = 0;
  let inFlight = 0;
  const tracked = async <R>(read: Promise<R>) => {
    inFlight++;
    try {
      return await read;
    } finally {
      inFlight--;
    }
  };
  let holdCount: Promise<void> | null = null;
  const recorded: WindowReads<Contact> = {
    count: async () => {
      counts++;
      const count = await reads.count();
      if (holdCount) await holdCount;
      return count;
    },
    rows: (skip, limit) => {
      forwardSkips.push(skip);
      return tracked(reads.rows(skip, limit));
    },
    rowsFromEnd: (skipFromEnd, limit) => {
      fromEnd.push(skipFromEnd);
      return tracked(
        reads.rowsFromEnd!(skipFromEnd, limit).then(async (rows) => {
          if (hold) await hold;
          return rows;
        }),
      );
    },
    ids: () => reads.ids(),
  };
  const gate = () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    return { held, release };
  };
  return {
    reads: recorded,
    fromEnd,
    forwardSkips,
    counts: () => counts,
    inFlight: () => inFlight,
    holdBackwards: () => {
      const g = gate();
      hold = g.held;
      return () => {
        hold = null;
        g.release();
      };
    },
    holdCounts: () => {
      const g = gate();
      holdCount = g.held;
      return () => {
        holdCount = null;
        g.release();
      };
    },
  };
}

/** Waits (on real IndexedDB reads) until `done` holds. */
async function until(done: () => boolean, what: string) {
  for (let i = 0; i < 500; i++) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Never happened: ${what}`);
}

const shown = (source: WindowSource<Contact>, start: number, end: number) =>
  Array.from({ length: end - start }, (_, i) => source.rowAt(start + i)?.id);

/** Shows the rows `start`–`end` and waits until every one of them is read. */
async function showRange(source: WindowSource<Contact>, start: number, end: number) {
  source.setRange(start, end);
  await until(() => shown(source, start, end).every(Boolean), `rows ${start}–${end} shown`);
}

const SORTS: MangoSort[] = [
  [{ nameKey: 'asc' }, { id: 'asc' }],
  [{ nameKey: 'desc' }, { id: 'desc' }],
  [{ id: 'desc' }],
];

describe('pages at the back of a list read from its end', () => {
  for (const sort of SORTS) {
    it(`shows every page of the back half exactly as a forward read does, ties included (${JSON.stringify(sort)})`, async () => {
      const expected = await forwardIds(sort);
      const recorded = recordedReads(sort);
      const source = new WindowSource(recorded.reads);
      source.start();
      await until(() => source.count !== null, 'counted');
      expect(source.count).toBe(expected.length);
      for (let start = 0; start < expected.length; start += WINDOW_PAGE_SIZE) {
        const end = Math.min(start + WINDOW_PAGE_SIZE, expected.length);
        await showRange(source, start, end);
        expect(shown(source, start, end)).toEqual(expected.slice(start, end));
      }
      // The last page is partly filled (no multiple of 100 rows): it is the first from the end.
      const pages = Math.ceil(expected.length / WINDOW_PAGE_SIZE);
      const backHalf = Array.from({ length: pages }, (_, p) => p)
        .filter((p) => expected.length - Math.min((p + 1) * WINDOW_PAGE_SIZE, expected.length) < p * WINDOW_PAGE_SIZE)
        .map((p) => expected.length - Math.min((p + 1) * WINDOW_PAGE_SIZE, expected.length));
      expect(recorded.fromEnd).toEqual(backHalf);
      expect(Math.max(...recorded.forwardSkips)).toBeLessThan(expected.length / 2);
      source.close();
    });
  }
});

describe('a change between the count and a read from the end', () => {
  const sort: MangoSort = [{ nameKey: 'asc' }, { id: 'asc' }];

  it('drops a backwards read answered after a change and reads the page again with the next count: no row missing or twice', async () => {
    const recorded = recordedReads(sort);
    const source = new WindowSource(recorded.reads);
    source.start();
    await until(() => source.count !== null, 'counted');
    const release = recorded.holdBackwards();
    const last = source.count! - 1;
    source.setRange(last - 150, last + 1);
    await until(() => recorded.fromEnd.length === 1, 'a page read from the end');

    // Rows sorted before the window come and go: every row behind them moves.
    await contacts().bulkInsert([contact('aaron'), contact('abel'), contact('adela')]);
    const gone = await contacts()
      .findOne({ selector: { ...SELECTOR, nameKey: 'alba' }, sort: [{ id: 'asc' }] })
      .exec();
    await gone!.patch({ deletedAt: '2026-02-01T00:00:00.000Z' });
    // The change stream's refresh, as useRecordWindow gives it.
    source.refresh();
    release();

    const expected = await forwardIds(sort);
    await until(() => source.count === expected.length, 'counted again');
    await showRange(source, expected.length - 151, expected.length);
    expect(shown(source, expected.length - 151, expected.length)).toEqual(expected.slice(-151));
    source.close();
  });

  it('reads a back page after a change only with the count asked since, never the older one', async () => {
    const recorded = recordedReads(sort);
    const source = new WindowSource(recorded.reads);
    source.start();
    await until(() => source.count !== null, 'counted');
    const before = source.count!;

    await contacts().bulkInsert([contact('aaron'), contact('abigail')]);
    const releaseCount = recorded.holdCounts();
    source.refresh();
    // The first page, read again after the change, is read by the time the range moves.
    await until(() => recorded.forwardSkips.length === 2 && recorded.inFlight() === 0, 'the first page read again');
    // Jumped to the end while the new count runs: the old count would place this page two rows off.
    source.setRange(before - 60, before);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(recorded.fromEnd).toEqual([]);
    expect(recorded.forwardSkips.filter((skip) => skip > before / 2)).toEqual([]);

    releaseCount();
    const expected = await forwardIds(sort);
    await until(() => source.count === expected.length, 'counted again');
    await showRange(source, expected.length - 100, expected.length);
    expect(shown(source, expected.length - 100, expected.length)).toEqual(expected.slice(-100));
    expect(recorded.counts()).toBe(2);
    source.close();
  });

  it('corrects a page read with a count the change had not reached yet once the change is told', async () => {
    const recorded = recordedReads(sort);
    const source = new WindowSource(recorded.reads);
    source.start();
    await until(() => source.count !== null, 'counted');
    // Written, but its change event not yet turned into a refresh (useRecordWindow waits 120 ms).
    await contacts().bulkInsert([contact('aaron')]);
    const stale = source.count!;
    await showRange(source, stale - 100, stale);

    source.refresh();
    const expected = await forwardIds(sort);
    await until(() => source.count === expected.length, 'counted again');
    await showRange(source, expected.length - 101, expected.length);
    await until(
      () => shown(source, expected.length - 101, expected.length).join() === expected.slice(-101).join(),
      'the pages read again',
    );
    expect(shown(source, expected.length - 101, expected.length)).toEqual(expected.slice(-101));
    source.close();
  });
});
