import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import { reversedSort } from '@domain/record-views/reversed-sort';
import type { MangoSelector, MangoSort } from '@domain/record-views/view-query';
import type { SearchableCollection } from '@domain/search-text';
import type { SearchOrder } from './record-search-index';
import { useHeldWhileReading } from './held-window';
import { ListCount } from './list-count';
import { indexedFilterOf, onlyListed } from './list-filter';
import { useSearchMatches, useSearchPreparedAhead, type SearchStatus } from './use-record-search';
import { useWorkspace } from './workspace-context';

/** Rows read per page; pages start at multiples of it, so a window is a few whole pages. */
export const WINDOW_PAGE_SIZE = 100;
/** Changes arriving within this many milliseconds (a sync batch, an import) refresh the table once. */
export const WINDOW_REFRESH_DELAY_MS = 120;

type Doc = { id: string };

/** How a source reads: a count, and `limit` rows from `skip` in the list's order. */
export interface WindowReads<T> {
  count(): Promise<number>;
  rows(skip: number, limit: number): Promise<T[]>;
  /**
   * `limit` rows ending `skipFromEnd` rows before the list's end, in the list's order: read along
   * the reversed sort, so a window near the end costs its distance from the end. Only for reads
   * whose cost grows with the skip (a slice of search matches costs the same anywhere).
   */
  rowsFromEnd?(skipFromEnd: number, limit: number): Promise<T[]>;
  /** Every matching id, in order: for "select all matching". */
  ids(): Promise<string[]>;
}

/**
 * The rows of one arrangement of a list, read a page at a time for the range on screen and kept
 * while they stay near it. Refreshed as a whole (count and the pages on screen) when told the
 * collection changed; a page read answered after a newer refresh began is dropped.
 */
export class WindowSource<T extends Doc> {
  private pages = new Map<number, T[]>();
  // Pages read since the last refresh; a page kept but not in here is shown until read again.
  private fresh = new Set<number>();
  // Pages whose read failed since the range or the collection last changed: not retried until then.
  private failed = new Set<number>();
  // One page read at a time, as one count: scrolling fast would otherwise queue a read in the
  // storage worker for every page scrolled past. When it ends, the next read is for the pages on
  // screen then, so pages already scrolled past are never read.
  private readingPage = false;
  private range = { start: 0, end: 0 };
  private generation = 0;
  private listeners = new Set<() => void>();
  private started = false;
  private closed = false;
  private unsubscribeCount: (() => void) | null = null;
  private readonly counter: ListCount | null;
  // The count demand this arrangement's rows must be placed by: the one made at its start or at
  // its last refresh. A count that covers it has seen every change told to this window, so a page
  // can be placed by its distance from the count's end (see pageRead).
  private needsCount = Number.POSITIVE_INFINITY;
  // How far the list is known to reach from the pages read, for sizing it before it is counted:
  // `end` rows at least, and exactly that many when a page read came back short.
  private known = { end: 0, last: false, firstRead: false };
  count: number | null = null;
  version = 0;

  /**
   * Null reads: a search whose index is still being prepared, with nothing to show yet. The
   * counter, when given, is shared with the other arrangements of the same rows.
   */
  constructor(
    private readonly reads: WindowReads<T> | null,
    counter?: ListCount,
  ) {
    this.counter = counter ?? (reads ? new ListCount(() => reads.count()) : null);
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start() {
    const first = !this.started;
    this.started = true;
    this.closed = false;
    if (this.counter && !this.unsubscribeCount) {
      this.unsubscribeCount = this.counter.subscribe(() => {
        this.count = this.counter!.count;
        this.notify();
        // Pages at the back waited for this count (see pageRead).
        this.readNext();
      });
      this.count = this.counter.count;
    }
    // The table sets its range before this (a child's effect runs first): those reads stand.
    if (first) {
      this.counter?.ensure();
      if (this.counter) this.needsCount = this.counter.requested;
      this.readNext();
    } else this.refresh();
  }

  close() {
    this.closed = true;
    this.generation++;
    this.unsubscribeCount?.();
    this.unsubscribeCount = null;
  }

  /**
   * How many rows to size the list for: the count once known; until then the rows read so far,
   * plus a page more while the furthest page read was full, so the list grows as it is scrolled.
   */
  get length(): number {
    if (this.count !== null) return this.count;
    return this.known.end + (this.known.last || this.known.end === 0 ? 0 : WINDOW_PAGE_SIZE);
  }

  /** Known to hold no row: counted as none, or its first page came back empty. */
  get empty(): boolean {
    if (this.count !== null) return this.count === 0;
    return this.known.firstRead && this.known.last && this.known.end === 0;
  }

  /**
   * Its rows are its own to show: a page read has answered (rows, none, or an error), or it has
   * nothing to read (a search preparing). Until then the list may show the arrangement before it.
   */
  get answered(): boolean {
    return this.reads === null || this.pages.size > 0 || this.failed.size > 0;
  }

  rowAt(index: number): T | undefined {
    return this.pages.get(Math.floor(index / WINDOW_PAGE_SIZE))?.[index % WINDOW_PAGE_SIZE];
  }

  /** The rows `start` to `end` (exclusive) are on screen, overscan included. */
  setRange(start: number, end: number) {
    this.range = { start, end };
    const wanted = this.wantedPages();
    // Pages far from the screen are let go: the table holds a few hundred rows, not the list.
    for (const page of this.pages.keys()) if (!wanted.has(page)) this.forget(page);
    this.failed.clear();
    this.readNext();
  }

  /** The collection changed: count again and read the pages on screen again. */
  refresh() {
    this.generation++;
    this.fresh.clear();
    this.failed.clear();
    this.counter?.recount();
    if (this.counter) this.needsCount = this.counter.requested;
    const wanted = this.wantedPages();
    for (const page of this.pages.keys()) if (!wanted.has(page)) this.forget(page);
    this.readNext();
  }

  private wantedPages(): Set<number> {
    const pages = new Set<number>();
    const first = Math.floor(this.range.start / WINDOW_PAGE_SIZE);
    const last = Math.floor(Math.max(this.range.start, this.range.end - 1) / WINDOW_PAGE_SIZE);
    for (let page = first; page <= last; page++) pages.add(page);
    return pages;
  }

  /** The rows read and kept now (a few pages): for looking up what they link to. */
  loaded(): T[] {
    return [...this.pages.values()].flat();
  }

  allIds(): Promise<string[]> {
    return this.reads ? this.reads.ids() : Promise.resolve([]);
  }

  private forget(page: number) {
    this.pages.delete(page);
    this.fresh.delete(page);
  }

  /**
   * The pages on screen still to read, in the order to read them: those not read at all first,
   * then those read before a change.
   */
  private pagesToRead(): number[] {
    const wanted = [...this.wantedPages()].filter((page) => !this.failed.has(page));
    return [
      ...wanted.filter((page) => !this.pages.has(page)),
      ...wanted.filter((page) => this.pages.has(page) && !this.fresh.has(page)),
    ];
  }

  /**
   * How to read a page now, or null to wait. A page nearer the end than the start is read from the
   * end — skip = count − its end, along the reversed sort — but only with a count asked since the
   * last change told: with an older one the rows would be placed by a length the list no longer
   * has. While the count that will describe the list is running, such a page waits for it (a
   * forward read would cost its whole skip, and its rows would be shown with that count anyway);
   * with no count coming, it is read forwards. A change told while a page is read drops its answer
   * (readNext), and the page is read again.
   */
  private pageRead(reads: WindowReads<T>, page: number): (() => Promise<T[]>) | null {
    const skip = page * WINDOW_PAGE_SIZE;
    const forwards = () => reads.rows(skip, WINDOW_PAGE_SIZE);
    const fromEnd = reads.rowsFromEnd?.bind(reads);
    const counter = this.counter;
    if (!fromEnd || !counter || this.count === null) return forwards;
    const end = Math.min(skip + WINDOW_PAGE_SIZE, this.count);
    const skipFromEnd = this.count - end;
    if (skipFromEnd >= skip) return forwards;
    if (counter.covers >= this.needsCount) {
      // Past the end of the counted list: nothing to read (a limit of 0 would mean "no limit").
      return end <= skip ? () => Promise.resolve([]) : () => fromEnd(skipFromEnd, end - skip);
    }
    return counter.counting ? null : forwards;
  }

  private readNext() {
    if (!this.reads || this.readingPage || this.closed) return;
    const reads = this.reads;
    let page: number | undefined;
    let read: (() => Promise<T[]>) | null = null;
    for (const candidate of this.pagesToRead()) {
      read = this.pageRead(reads, candidate);
      if (read) {
        page = candidate;
        break;
      }
    }
    if (page === undefined || !read) return;
    this.readingPage = true;
    const generation = this.generation;
    void read()
      .then(
        (rows) => {
          // A page answered after a refresh began, or scrolled away meanwhile, is not kept.
          if (generation !== this.generation || this.closed || !this.wantedPages().has(page)) return;
          this.pages.set(page, rows);
          this.fresh.add(page);
          this.learnExtent(page, rows.length);
          this.notify();
        },
        (error: unknown) => {
          if (generation === this.generation) this.failed.add(page);
          console.error('A page of the list could not be read', error);
        },
      )
      .finally(() => {
        this.readingPage = false;
        this.readNext();
      });
  }

  private learnExtent(page: number, read: number) {
    const end = page * WINDOW_PAGE_SIZE + read;
    if (page === 0) this.known.firstRead = true;
    // A short page is where the list ends, as of this read (newer than any other).
    if (read < WINDOW_PAGE_SIZE) this.known = { ...this.known, end, last: true };
    else if (end >= this.known.end) {
      this.known = { ...this.known, end, last: false };
    }
  }

  private notify() {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * The storage's own count: RxDB's count() refuses a selector no index fully satisfies, and
 * `deletedAt: null` never is (docs/adr/0031-record-table-queries.md).
 */
async function queryCount<C extends CollectionName>(
  collection: RxCollection<CollectionDocs[C]>,
  selector: MangoSelector,
): Promise<number> {
  const prepared = collection.find({ selector: selector as never }).getPreparedQuery();
  return (await collection.storageInstance.count(prepared)).count;
}

/** A page of the list by skip/limit along the sort's index, run in the storage worker. */
export function queryReads<C extends CollectionName>(
  collection: RxCollection<CollectionDocs[C]>,
  selector: MangoSelector,
  sort: MangoSort,
): WindowReads<CollectionDocs[C]> {
  return {
    count: () => queryCount(collection, selector),
    rows: async (skip, limit) => {
      const docs = await collection.find({ selector: selector as never, sort: sort as never, skip, limit }).exec();
      return docs.map((d) => d.toJSON() as CollectionDocs[C]);
    },
    // Both directions of an indexed sort are index-served (descending-index-queries.ts), so the
    // reversed read walks only the rows between the window and the end.
    rowsFromEnd: async (skipFromEnd, limit) => {
      const docs = await collection
        .find({ selector: selector as never, sort: reversedSort(sort) as never, skip: skipFromEnd, limit })
        .exec();
      return docs.map((d) => d.toJSON() as CollectionDocs[C]).reverse();
    },
    // Raw storage rows: no document objects are made for what only lends its id.
    ids: async () => {
      const prepared = collection.find({ selector: selector as never, sort: sort as never }).getPreparedQuery();
      const { documents } = await collection.storageInstance.query(prepared);
      return documents.map((d) => (d as unknown as Doc).id);
    },
  };
}

/** A page of search matches: a slice of the matched ids, read by id. */
function idReads<C extends CollectionName>(
  collection: RxCollection<CollectionDocs[C]>,
  ids: readonly string[],
): WindowReads<CollectionDocs[C]> {
  return {
    count: () => Promise.resolve(ids.length),
    ids: () => Promise.resolve([...ids]),
    rows: async (skip, limit) => {
      const wanted = ids.slice(skip, skip + limit);
      const byId = await collection.findByIds(wanted).exec();
      return wanted.flatMap((id) => {
        const doc = byId.get(id);
        return doc ? [doc.toJSON() as CollectionDocs[C]] : [];
      });
    },
  };
}

export interface RecordWindow<T> {
  /** Rows in the list (matches while searching); null until first counted. */
  count: number | null;
  /** How many rows to size the list for: the count, or until it is known what has been read (and a page more while there may be more). */
  length: number;
  /** Known to hold no row: counted as none, or its first page came back empty. */
  empty: boolean;
  /** The row at `index`, or undefined while its page is read. */
  rowAt(index: number): T | undefined;
  /** Tell the window which rows are on screen (with overscan). */
  setRange(start: number, end: number): void;
  /** Null while not searching; otherwise whether the search is preparing, and how many match. */
  search: SearchStatus | null;
  /** Grows whenever rows or the count changed: a dependency for what renders them. */
  version: number;
  /** The rows shown are the previous arrangement's, while this one's first page is read. */
  reading?: boolean;
  /** Every matching id, in the list's order (read in the storage worker). */
  allIds(): Promise<string[]>;
  /** The rows read and kept now (the pages around the screen), e.g. to look up linked records. */
  loaded: T[];
}

/**
 * A record list's rows for a virtual table, without ever reading the whole collection on the main
 * thread: a count of the query and page-aligned windows read with skip/limit along the sort's
 * index, for the range on screen; live, refreshed (coalesced) from the collection's change stream.
 * While searching, the rows are the search index's matches (ADR 0016); with filters as well, the
 * matched ids join the selector. A "contains" filter on the list's name or title is matched in the
 * index too, once it is ready (list-filter.ts). Costs and choices: docs/adr/0031-record-table-queries.md.
 */
export function useRecordWindow<C extends CollectionName>(
  collection: C,
  query: { selector: MangoSelector; sort: MangoSort },
  options: { search?: string; searchOrder?: SearchOrder } = {},
): RecordWindow<CollectionDocs[C]> {
  const { db } = useWorkspace();
  const searchable = (
    collection === 'companies' || collection === 'contacts' || collection === 'leads' || collection === 'deals'
      ? collection
      : null
  ) as SearchableCollection | null;
  const selectorKey = JSON.stringify(query.selector);
  // A "contains" on the list's name or title is answered by the search index once it is ready.
  const indexed = useMemo(
    () => indexedFilterOf(searchable, JSON.parse(selectorKey) as MangoSelector),
    [searchable, selectorKey],
  );
  const matches = useSearchMatches(searchable, options.search ?? '', options.searchOrder, indexed?.filter);
  useSearchPreparedAhead(searchable);
  const queryKey = JSON.stringify(query);
  const ids = matches.ids;
  const searching = matches.status !== null;
  // True when `ids` answer the indexed filter (null while the index is prepared: the storage does).
  const served = indexed !== null && ids !== null;
  const matchedSelector = useMemo(() => {
    const selector = served ? indexed.rest : (JSON.parse(selectorKey) as MangoSelector);
    if (!searching && !served) return selector;
    if (!ids) return null;
    return onlyListed(selector) ? null : { ...selector, id: { $in: [...ids] } };
  }, [selectorKey, searching, served, indexed, ids]);
  // One count per selector: a sort change reorders the same rows and keeps it (the table is not
  // sized from scratch while a count of the whole list runs again in the storage worker).
  const counter = useMemo(() => {
    const rx = db[collection] as unknown as RxCollection<CollectionDocs[C]>;
    if (matchedSelector) return new ListCount(() => queryCount(rx, matchedSelector));
    return ids ? new ListCount(() => Promise.resolve(ids.length)) : undefined;
  }, [db, collection, matchedSelector, ids]);
  const source = useMemo(() => {
    const rx = db[collection] as unknown as RxCollection<CollectionDocs[C]>;
    const { sort } = JSON.parse(queryKey) as { sort: MangoSort };
    if (matchedSelector) return new WindowSource(queryReads(rx, matchedSelector, sort), counter);
    if (!ids) return new WindowSource<CollectionDocs[C]>(null);
    return new WindowSource(idReads(rx, ids), counter);
  }, [db, collection, queryKey, matchedSelector, ids, counter]);

  useEffect(() => {
    source.start();
    const rx = db[collection] as unknown as RxCollection<CollectionDocs[C]>;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Bulks, not `rx.$`: it keeps every event it ever flattened (docs/adr/0043-change-events-without-rxdb-cache.md).
    const subscription = rx.eventBulks$.subscribe(() => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        source.refresh();
      }, WINDOW_REFRESH_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      // A change not yet refreshed for: the next arrangement sharing the count counts again.
      if (timer) {
        clearTimeout(timer);
        counter?.invalidate();
      }
      source.close();
    };
  }, [db, collection, source, counter]);

  const version = useSyncExternalStore(source.subscribe, () => source.version);
  // Rows of the arrangement before this one stay on screen until this one's first page answers.
  const shown = useHeldWhileReading(source);
  const rowAt = useCallback((index: number) => shown.rowAt(index), [shown]);
  const setRange = useCallback((start: number, end: number) => source.setRange(start, end), [source]);
  const allIds = useCallback(() => source.allIds(), [source]);
  // `version` grows whenever the pages change: the list is made again only then.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const loaded = useMemo(() => shown.loaded(), [shown, version]);
  return {
    count: shown.count,
    length: shown.length,
    empty: shown.empty,
    rowAt,
    setRange,
    search: matches.status,
    version,
    reading: shown !== source,
    allIds,
    loaded,
  };
}
