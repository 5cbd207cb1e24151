import { describe, expect, it, vi } from 'vitest';
import { ListCount } from '../../../renderer/db/list-count';
import { WINDOW_PAGE_SIZE, WindowSource, type WindowReads } from '../../../renderer/db/window-source';

type Row = { id: string };

function deferredReads() {
  const pending: ((n: number) => void)[] = [];
  let counts = 0;
  const reads: WindowReads<Row> = {
    count: () => {
      counts++;
      return new Promise<number>((resolve) => pending.push(resolve));
    },
    rows: () => Promise.resolve([]),
    ids: () => Promise.resolve([]),
  };
  return { reads, counts: () => counts, answer: (n: number) => pending.shift()!(n) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a record list window', () => {
  it('counts once at a time while changes keep coming, shows each count as it answers, then counts once more with the latest', async () => {
    const { reads, counts, answer } = deferredReads();
    const source = new WindowSource(reads);
    source.start();
    for (let i = 0; i < 10; i++) source.refresh();
    expect(counts()).toBe(1);

    answer(5);
    await settle();
    // Newer than nothing: shown at once; the one count asked meanwhile runs now.
    expect(source.count).toBe(5);
    expect(counts()).toBe(2);

    // Changes keep coming before each count answers: every answer is still shown, not only the
    // one no change overtook (a list changing every few hundred ms would never show one).
    source.refresh();
    answer(6);
    await settle();
    expect(source.count).toBe(6);
    expect(counts()).toBe(3);

    answer(7);
    await settle();
    expect(source.count).toBe(7);
    expect(counts()).toBe(3);
  });

  it('shows no count that answers after the list was closed', async () => {
    const { reads, answer } = deferredReads();
    const source = new WindowSource(reads);
    source.start();
    source.close();
    answer(5);
    await settle();
    expect(source.count).toBeNull();
  });
});

/** Reads answered by the test: each page read waits until `answer` is called for it. */
function pagedReads() {
  const pending: { skip: number; resolve: (rows: Row[]) => void }[] = [];
  const skips: number[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const reads: WindowReads<Row> = {
    count: () => Promise.resolve(100_000),
    rows: (skip) => {
      skips.push(skip);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      return new Promise<Row[]>((resolve) =>
        pending.push({
          skip,
          resolve: (rows) => {
            inFlight--;
            resolve(rows);
          },
        }),
      );
    },
    ids: () => Promise.resolve([]),
  };
  const rowsFrom = (skip: number, label = 'row') =>
    Array.from({ length: WINDOW_PAGE_SIZE }, (_, i) => ({ id: `${label}-${skip + i}` }));
  return {
    reads,
    skips,
    mostInFlight: () => mostInFlight,
    pending: () => pending.length,
    /** Answers the oldest read with its page's rows. */
    answer: async (label?: string) => {
      const read = pending.shift()!;
      read.resolve(rowsFrom(read.skip, label));
      await settle();
    },
  };
}

describe('a record list window scrolled fast', () => {
  it('reads one page at a time and then the page on screen now, never the pages scrolled past', async () => {
    const paged = pagedReads();
    const source = new WindowSource(paged.reads);
    source.setRange(0, 60);
    source.start();
    // A fling through half of 100k rows: the range moves 200 times before any read answers.
    for (let step = 1; step <= 200; step++) source.setRange(step * 250, step * 250 + 60);
    expect(paged.skips).toEqual([0]);

    await paged.answer();
    // The first page is off screen now: dropped, and the page on screen is the one read next.
    expect(source.rowAt(0)).toBeUndefined();
    expect(paged.skips).toEqual([0, 50_000]);

    await paged.answer();
    expect(source.rowAt(50_000)).toEqual({ id: 'row-50000' });
    expect(source.rowAt(50_059)).toEqual({ id: 'row-50059' });
    expect(paged.pending()).toBe(0);
    expect(paged.mostInFlight()).toBe(1);
  });

  it('reads a bounded number of pages while reads answer during the scroll, and shows the last screen', async () => {
    const paged = pagedReads();
    const source = new WindowSource(paged.reads);
    source.setRange(0, 60);
    source.start();
    for (let step = 1; step <= 300; step++) {
      source.setRange(step * 97, step * 97 + 60);
      // The storage answers a read every tenth move of the range.
      if (step % 10 === 0 && paged.pending() > 0) await paged.answer();
    }
    while (paged.pending() > 0) await paged.answer();
    expect(paged.mostInFlight()).toBe(1);
    // One read per answer during the scroll, then the pages of the last screen: not one per page passed.
    expect(paged.skips.length).toBeLessThanOrEqual(300 / 10 + 3);
    const last = 300 * 97;
    expect(source.rowAt(last)).toEqual({ id: `row-${last}` });
    expect(source.rowAt(last + 59)).toEqual({ id: `row-${last + 59}` });
  });

  it('keeps the rows on screen shown while it reads them again after a change, one page at a time', async () => {
    const paged = pagedReads();
    const source = new WindowSource(paged.reads);
    source.setRange(80, 140);
    source.start();
    await paged.answer();
    await paged.answer();
    expect(paged.skips).toEqual([0, 100]);

    source.refresh();
    expect(source.rowAt(80)).toEqual({ id: 'row-80' });
    expect(paged.pending()).toBe(1);
    await paged.answer('changed');
    await paged.answer('changed');
    expect(paged.skips).toEqual([0, 100, 0, 100]);
    expect(source.rowAt(80)).toEqual({ id: 'changed-80' });
    expect(source.rowAt(120)).toEqual({ id: 'changed-120' });
    expect(paged.mostInFlight()).toBe(1);
  });
});

describe('a record list window before its count answers', () => {
  it('shows the rows read before a count that never answers, sized a page beyond them while pages come back full', async () => {
    const paged = pagedReads();
    const source = new WindowSource({ ...paged.reads, count: () => new Promise<number>(() => {}) });
    source.setRange(0, 60);
    source.start();
    expect(source.length).toBe(0);
    expect(source.empty).toBe(false);

    await paged.answer();
    expect(source.count).toBeNull();
    expect(source.rowAt(0)).toEqual({ id: 'row-0' });
    // A full page: there may be more, so the list reaches a page further and grows as it is scrolled.
    expect(source.length).toBe(2 * WINDOW_PAGE_SIZE);
    source.setRange(150, 210);
    await paged.answer();
    await paged.answer();
    expect(source.length).toBe(4 * WINDOW_PAGE_SIZE);
  });

  it('sizes the list to the rows read once a page comes back short, and knows an empty list from its first page', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `row-${i}` }));
    const never = () => new Promise<number>(() => {});
    const some = new WindowSource({
      count: never,
      rows: () => Promise.resolve(rows(30)),
      ids: () => Promise.resolve([]),
    });
    some.start();
    const none = new WindowSource({
      count: never,
      rows: () => Promise.resolve(rows(0)),
      ids: () => Promise.resolve([]),
    });
    none.start();
    expect(none.empty).toBe(false);
    await settle();
    expect(some.length).toBe(30);
    expect(some.empty).toBe(false);
    expect(none.empty).toBe(true);
  });

  it('takes the count when it answers, in place of the size guessed from the rows read', async () => {
    const { reads, answer } = deferredReads();
    const source = new WindowSource({
      ...reads,
      rows: () => Promise.resolve(Array.from({ length: WINDOW_PAGE_SIZE }, (_, i) => ({ id: `r${i}` }))),
    });
    source.start();
    await settle();
    expect(source.length).toBe(2 * WINDOW_PAGE_SIZE);
    answer(100_000);
    await settle();
    expect(source.length).toBe(100_000);
  });
});

describe('one count per query', () => {
  it('keeps the count for another arrangement of the same rows: a sort change does not count again', async () => {
    const { reads, counts, answer } = deferredReads();
    const counter = new ListCount(() => reads.count());
    const byName = new WindowSource(reads, counter);
    byName.start();
    answer(42);
    await settle();
    byName.close();

    const byNameDescending = new WindowSource(reads, counter);
    byNameDescending.start();
    expect(byNameDescending.count).toBe(42);
    expect(counts()).toBe(1);
    // The collection changed: counted again, once.
    byNameDescending.refresh();
    expect(counts()).toBe(2);
  });

  it('counts again for the next arrangement when a change came that the last one never refreshed for', async () => {
    const { reads, counts, answer } = deferredReads();
    const counter = new ListCount(() => reads.count());
    const first = new WindowSource(reads, counter);
    first.start();
    answer(42);
    await settle();
    counter.invalidate();
    first.close();

    const next = new WindowSource(reads, counter);
    next.start();
    expect(counts()).toBe(2);
  });
});

/** A collection a sync fills: `stored` rows, and a storage whose counts may fail for a while. */
function fillingReads() {
  const state = { stored: 0, countFails: false, counts: 0 };
  const reads: WindowReads<Row> = {
    count: () => {
      state.counts++;
      return state.countFails
        ? Promise.reject(new Error('the storage refused the count'))
        : Promise.resolve(state.stored);
    },
    rows: (skip, limit) =>
      Promise.resolve(
        Array.from({ length: Math.max(0, Math.min(limit, state.stored - skip)) }, (_, i) => ({
          id: `lead-${skip + i}`,
        })),
      ),
    ids: () => Promise.resolve([]),
  };
  return { reads, state };
}

describe('a record list window during a first sync', () => {
  it('shows the rows that arrived when counting them fails after the list was counted empty, and counts again until a count answers', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { reads, state } = fillingReads();
      const source = new WindowSource(reads);
      source.setRange(0, 60);
      source.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(source.count).toBe(0);
      expect(source.empty).toBe(true);

      // The sync writes 3,000 rows; counting them fails (as a storage refusing the range did).
      state.stored = 3000;
      state.countFails = true;
      source.refresh();
      await vi.advanceTimersByTimeAsync(0);
      // The count of none is no longer true: not "No leads yet" over rows that are there.
      expect(source.empty).toBe(false);
      expect(source.count).toBeNull();
      expect(source.rowAt(0)).toEqual({ id: 'lead-0' });

      // No change comes any more (the sync ended), yet the list is counted again.
      const countsBefore = state.counts;
      await vi.advanceTimersByTimeAsync(1_000);
      expect(state.counts).toBeGreaterThan(countsBefore);
      state.countFails = false;
      await vi.advanceTimersByTimeAsync(60_000);
      expect(source.count).toBe(3000);
      expect(source.length).toBe(3000);
    } finally {
      vi.restoreAllMocks();
      vi.useRealTimers();
    }
  });
});

describe('a record list window while changes keep arriving', () => {
  it('shows the rows of a read that answers after a newer change, until the read made after that change replaces them', async () => {
    const paged = pagedReads();
    const source = new WindowSource(paged.reads);
    source.setRange(0, 60);
    source.start();
    // A sync's write lands before every read answers, as changes come faster than a page is read.
    for (let write = 0; write < 5; write++) {
      source.refresh();
      await paged.answer(`write-${write}`);
      expect(source.rowAt(0)).toEqual({ id: `write-${write}-0` });
    }
    expect(paged.mostInFlight()).toBe(1);

    // The writes stop: the page is read once more and its rows are the newest.
    await paged.answer('synced');
    expect(source.rowAt(59)).toEqual({ id: 'synced-59' });
    expect(paged.pending()).toBe(0);
  });

  it('drops a read from the end that answers after a change: its rows were placed by a count the list no longer has', async () => {
    const read: { skipFromEnd: number; resolve: (rows: Row[]) => void }[] = [];
    const source = new WindowSource<Row>({
      count: () => Promise.resolve(1000),
      rows: (skip, limit) => Promise.resolve(Array.from({ length: limit }, (_, i) => ({ id: `row-${skip + i}` }))),
      rowsFromEnd: (skipFromEnd) => new Promise<Row[]>((resolve) => read.push({ skipFromEnd, resolve })),
      ids: () => Promise.resolve([]),
    });
    source.setRange(0, 60);
    source.start();
    await settle();
    // Counted: the last rows are read from the end.
    source.setRange(940, 1000);
    await settle();
    expect(read.map((r) => r.skipFromEnd)).toEqual([0]);
    source.refresh();
    read[0]!.resolve(Array.from({ length: WINDOW_PAGE_SIZE }, (_, i) => ({ id: `old-${900 + i}` })));
    await settle();
    expect(source.rowAt(950)).toBeUndefined();
  });
});
