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

export interface OutpostBench {
  raw(options: RawRunOptions): Promise<BrowserRunResult>;
  app(options: AppRunOptions): Promise<BrowserRunResult>;
  rxdbBulkInsert(options: BrowserRunOptions): Promise<BrowserRunResult>;
}

declare global {
  interface Window {
    outpostBench?: OutpostBench;
  }
}
