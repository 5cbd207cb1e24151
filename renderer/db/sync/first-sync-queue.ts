import type { CollectionName } from '@domain/collections';

/**
 * The order in which a first sync serves the collections it bootstraps: what every screen needs to
 * draw (configuration, the team) first, always; then a collection someone is looking at; then the
 * pipeline's deals, the lists a salesperson works in, and last the history behind them.
 */
export const FIRST_SYNC_ORDER = {
  configuration: ['settings', 'users', 'pipelines', 'saved_views'],
  records: ['deals', 'leads', 'contacts', 'companies', 'activities', 'stage_changes'],
} as const satisfies FirstSyncOrder;

export interface FirstSyncOrder {
  configuration: readonly CollectionName[];
  records: readonly CollectionName[];
}

/** Pulls of bootstrap pages in flight at once, all collections together. */
export const FIRST_SYNC_FETCHES = 2;
/** Bootstrap writes in flight at once, all collections together. */
export const FIRST_SYNC_WRITES = 1;
/**
 * Pages pulled and not yet written, all collections together: enough that the writer never waits
 * for a pull, few enough that the page's heap holds a few thousand records, not every collection's
 * pages fetched ahead (which outlived young-generation collections and made major ones long).
 */
export const FIRST_SYNC_PAGES_HELD = 4;

interface Waiting {
  collection: CollectionName;
  /** Arrival order, so that work of equal rank keeps it. */
  ticket: number;
  start: () => void;
}

/**
 * Runs at most `slots` tasks at once, and only while `room()` says so, choosing the next by `rank`
 * (lower first) when it may start one.
 */
class RankedLane {
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private tickets = 0;

  constructor(
    private readonly slots: number,
    private readonly rank: (collection: CollectionName) => number,
    private readonly room: () => boolean = () => true,
  ) {}

  run<T>(collection: CollectionName, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        collection,
        ticket: this.tickets++,
        start: () => {
          task()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              this.next();
            });
        },
      });
      this.next();
    });
  }

  next(): void {
    while (this.running < this.slots && this.waiting.length && this.room()) {
      let best = 0;
      for (let i = 1; i < this.waiting.length; i++) {
        const a = this.waiting[i]!;
        const b = this.waiting[best]!;
        const byRank = this.rank(a.collection) - this.rank(b.collection);
        if (byRank < 0 || (byRank === 0 && a.ticket < b.ticket)) best = i;
      }
      const [chosen] = this.waiting.splice(best, 1);
      this.running++;
      chosen!.start();
    }
  }
}

/**
 * Serves the bootstraps of every collection (bootstrap.ts) a few pulls and one write at a time,
 * the most wanted first (docs/adr/0048-first-sync-serves-what-is-on-screen-first.md).
 *
 * The browser serves an origin's IndexedDB requests in turn, across its databases (RxDB keeps one
 * per collection), so a list's read made during a first sync waited for every write already asked
 * for: with every collection writing several pages at once, that was most of the sync. With one
 * write at a time, a read waits for one page's write at most. Pulls are limited the same way, so
 * that the server answers first the pages wanted first. Configuration always goes first; then a
 * collection someone is looking at (`want`: a list or the board still filling); then the order.
 */
export class FirstSyncQueue {
  private readonly wanted = new Map<CollectionName, number>();
  private readonly fetches: RankedLane;
  private readonly writes: RankedLane;
  /** Pages pulled (or being pulled) whose write has not ended. */
  private held = 0;

  constructor(
    private readonly order: FirstSyncOrder = FIRST_SYNC_ORDER,
    slots: { fetches: number; writes: number; pagesHeld: number } = {
      fetches: FIRST_SYNC_FETCHES,
      writes: FIRST_SYNC_WRITES,
      pagesHeld: FIRST_SYNC_PAGES_HELD,
    },
  ) {
    this.fetches = new RankedLane(
      slots.fetches,
      (c) => this.rank(c),
      () => this.held < slots.pagesHeld,
    );
    this.writes = new RankedLane(slots.writes, (c) => this.rank(c));
  }

  /**
   * Runs a pull of a page of `collection` when a slot is free, fewer pages than the limit are held
   * unwritten, and no more wanted pull waits. The page counts as held until a `write` of it ends
   * (or the pull fails).
   */
  fetch<T>(collection: CollectionName, pull: () => Promise<T>): Promise<T> {
    return this.fetches.run(collection, () => {
      this.held++;
      return pull().catch((error: unknown) => {
        this.release();
        throw error;
      });
    });
  }

  /** Runs the write of a page pulled through `fetch` when no other runs and no more wanted one waits. */
  write<T>(collection: CollectionName, write: () => Promise<T>): Promise<T> {
    return this.writes.run(collection, () => write().finally(() => this.release()));
  }

  /** A page pulled through `fetch` that will not be written (its bootstrap stopped or failed). */
  discard(): void {
    this.release();
  }

  private release(): void {
    this.held = Math.max(0, this.held - 1);
    this.fetches.next();
  }

  /**
   * Puts `collection` before the other records until the returned release is called (each call
   * holds it once: two lists of one collection, one closed, still want it).
   */
  want(collection: CollectionName): () => void {
    this.wanted.set(collection, (this.wanted.get(collection) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const holders = (this.wanted.get(collection) ?? 1) - 1;
      if (holders > 0) this.wanted.set(collection, holders);
      else this.wanted.delete(collection);
    };
  }

  /** Lower first: configuration, then wanted records, then the rest, each in its order. */
  private rank(collection: CollectionName): number {
    const { configuration, records } = this.order;
    const setting = configuration.indexOf(collection);
    if (setting !== -1) return setting;
    const position = records.indexOf(collection);
    const inOrder = configuration.length + (position === -1 ? records.length : position);
    return this.wanted.has(collection) ? inOrder : inOrder + records.length + 1;
  }
}
