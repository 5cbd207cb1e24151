import { ListCount } from './list-count';

/** Rows read per page; pages start at multiples of it, so a window is a few whole pages. */
export const WINDOW_PAGE_SIZE = 100;

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

/** A page's read, and whether its rows are placed by the count (read from the list's end). */
interface PageRead<T> {
  read: () => Promise<T[]>;
  byCount: boolean;
}

/**
 * The rows of one arrangement of a list, read a page at a time for the range on screen and kept
 * while they stay near it. Refreshed as a whole (count and the pages on screen) when told the
 * collection changed; a page read forwards that answers after a newer refresh began is shown until
 * the page is read again.
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
   * with no count coming, it is read forwards. A change told while a page is read drops the answer
   * of a read placed by the count, and the page is read again (readNext).
   */
  private pageRead(reads: WindowReads<T>, page: number): PageRead<T> | null {
    const skip = page * WINDOW_PAGE_SIZE;
    const forwards = { read: () => reads.rows(skip, WINDOW_PAGE_SIZE), byCount: false };
    const fromEnd = reads.rowsFromEnd?.bind(reads);
    const counter = this.counter;
    if (!fromEnd || !counter || this.count === null) return forwards;
    const end = Math.min(skip + WINDOW_PAGE_SIZE, this.count);
    const skipFromEnd = this.count - end;
    if (skipFromEnd >= skip) return forwards;
    if (counter.covers >= this.needsCount) {
      // Past the end of the counted list: nothing to read (a limit of 0 would mean "no limit").
      const read = end <= skip ? () => Promise.resolve([]) : () => fromEnd(skipFromEnd, end - skip);
      return { read, byCount: true };
    }
    return counter.counting ? null : forwards;
  }

  private readNext() {
    if (!this.reads || this.readingPage || this.closed) return;
    const reads = this.reads;
    let page: number | undefined;
    let next: PageRead<T> | null = null;
    for (const candidate of this.pagesToRead()) {
      next = this.pageRead(reads, candidate);
      if (next) {
        page = candidate;
        break;
      }
    }
    if (page === undefined || !next) return;
    const { read, byCount } = next;
    this.readingPage = true;
    const generation = this.generation;
    void read()
      .then(
        (rows) => {
          // A page scrolled away meanwhile is not kept.
          if (this.closed || !this.wantedPages().has(page)) return;
          const current = generation === this.generation;
          // Read before the latest change: still the newest rows there are, and shown until the page
          // is read again (it is not fresh) — during a sync changes come faster than a page is read,
          // and dropping every such answer left the list blank until the sync ended. Unless the rows
          // were placed by a count older than the change: they may belong elsewhere now.
          if (!current && (byCount || this.fresh.has(page))) return;
          this.pages.set(page, rows);
          if (current) this.fresh.add(page);
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
