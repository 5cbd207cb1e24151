/** What the Node side of the initial-sync benchmark and the browser page exchange. */

export interface BrowserRunOptions {
  /** IndexedDB database name. */
  name: string;
  /** Documents the server holds: the run ends when all are stored. */
  expected: number;
  /** Pull page size; for the app, undefined means the engine's production default. */
  limit?: number;
}

export interface RawRunOptions extends BrowserRunOptions {
  /**
   * Diagnosis: store documents shaped as RxDB's Dexie storage stores contacts (_deleted as a
   * string, _meta.lwt, _rev) in a table with RxDB's 3 internal indexes ('internal') or those plus
   * the schema's 5, each prefixed with _deleted ('all'), to split RxDB's cost from IndexedDB's
   * index maintenance. Default 'none': a table keyed by id only.
   */
  indexes?: 'none' | 'internal' | 'all';
  /** Diagnosis: write this many pages per bulkPut (RxDB merges pages that pile up). Default 1. */
  pagesPerWrite?: number;
}

export interface AppRunOptions extends BrowserRunOptions {
  /** openDatabase's default (true) is what production uses. */
  multiInstance?: boolean;
  /** Diagnosis: false runs the sync engine without its initial-sync bootstrap (RxDB's replication only). */
  bootstrap?: boolean;
}

export interface BrowserRunResult {
  docs: number;
  /** From the start of the sync to everything stored. */
  totalMs: number;
  /** From the start of the sync to the first pulled page written (visible to queries). */
  firstPageMs: number;
  /** Opening the database (not part of totalMs). */
  openMs: number;
  pages: number;
  /** Time spent in fetch + JSON parse, summed (raw run only). */
  fetchMs?: number;
  /** Time spent in IndexedDB writes, summed (raw run only). */
  writeMs?: number;
  /** Anything else worth reporting. */
  extra?: Record<string, number | string | boolean>;
}

/** The list-search part: the contacts' search index over the app's storage. */
export interface SearchRunOptions {
  /** IndexedDB database name. */
  name: string;
  /** Contacts the server holds: they are loaded into the database first (not measured). */
  expected: number;
  /** What a person types, each query a character at a time. */
  queries: string[];
}

export interface SearchRunResult {
  docs: number;
  /** Reading every contact through the storage in the index's pages, before and after the build. */
  readMs: [number, number];
  /** searchIndexFor(db, 'contacts') from prepare() to ready, on a database just opened. */
  buildMs: number;
  /** The longest the page's main thread went without running a task, while reading / building (probed runs). */
  readLongestBlockMs: number;
  buildLongestBlockMs: number;
  /** One search per keystroke: the index's, and a naive `includes` scan over the same records. */
  keystrokeMs: number[];
  naiveKeystrokeMs: number[];
  /** Matches of each full query, by the index and by the naive scan (which matches less). */
  matches: Record<string, number>;
  naiveMatches: Record<string, number>;
}

export interface OutpostBench {
  raw(options: RawRunOptions): Promise<BrowserRunResult>;
  app(options: AppRunOptions): Promise<BrowserRunResult>;
  rxdbBulkInsert(options: BrowserRunOptions): Promise<BrowserRunResult>;
  search(options: SearchRunOptions): Promise<SearchRunResult>;
  demoLoad(options: DemoLoadRunOptions): Promise<DemoLoadRunResult>;
}

declare global {
  interface Window {
    outpostBench?: OutpostBench;
  }
}

/** The `load` part: Settings → Demo data's loader, or the raw baseline of the same records. */
export interface DemoLoadRunOptions {
  /** IndexedDB database name. */
  name: string;
  size: 'small' | 'medium' | 'large';
  kind: 'app' | 'raw';
}

export interface DemoLoadRunResult {
  records: number;
  /** From the start of the load to every record stored. */
  totalMs: number;
  /** Storage writes (bulkWrite / bulkPut calls). */
  writes: number;
  /** The longest task on the page's thread during the load (long tasks are those over 50 ms; 0: none). */
  longestTaskMs: number;
  /** The long tasks' time, summed. */
  longTasksMs: number;
  /** The origin's storage usage after the load minus before (navigator.storage.estimate), when known. */
  storedBytes: number | null;
}
