/** What the Node side of the first-run benchmark (tests/bench/sync-first-run/first-run.bench.ts) and its pages exchange. */

export interface FloorOptions {
  /** IndexedDB database name. */
  name: string;
  /** `Authorization: Bearer …` of the signed-in user: the floor pulls what the app pulls. */
  accessToken: string;
  /** The collections to pull, in this order. */
  collections: readonly string[];
  /** Pull page size (the app's bootstrap page, the server's maximum). */
  limit: number;
  /**
   * Dexie store specs per collection (the app's: RxDB's indexes of its schema), with each record
   * written in the shape RxDB's Dexie storage stores it; by default a table keyed by id only and
   * the records as pulled.
   */
  stores?: Record<string, string>;
}

export interface FloorResult {
  /** From the first pull to every page stored. */
  totalMs: number;
  docs: number;
  /** Documents stored per collection (every document a pull returned, tombstones included). */
  counts: Record<string, number>;
  /** Collections the server refused to this user (status code). */
  refused: Record<string, number>;
  pages: number;
  /** Awaiting fetch + JSON parse, summed. */
  fetchMs: number;
  /** Awaiting IndexedDB writes, summed. */
  writeMs: number;
}

export interface FirstRunFloor {
  floor(options: FloorOptions): Promise<FloorResult>;
}

/** What the probe (probe.ts) records on the app's page from its first script on. */
export interface ProbeState {
  /** The sign-in form's submit event, page time (ms); null before it. */
  signInAt: number | null;
  /** The first body row of a grid painted (rAF + a task after it appeared), page time. */
  firstRowsAt: number | null;
  /** The section whose grid it was (the grid's accessible name). */
  firstRowsGrid: string | null;
  longTasks: { start: number; duration: number }[];
  /** Every change of the header's sync status (its text, and whether a progress bar shows). */
  header: { at: number; label: string; progress: number | null }[];
}

declare global {
  interface Window {
    firstRunFloor?: FirstRunFloor;
    firstRunProbe?: ProbeState;
    /** Documents stored locally per collection, tombstones included (probe.ts). */
    firstRunCount?: (collections: readonly string[]) => Promise<Record<string, number>>;
  }
}
