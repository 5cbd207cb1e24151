/** What the Node side of the record-table benchmark (tests/bench/tables/record-table.bench.ts) and its page exchange. */

/** The signed-in user the page mounts the Contacts section for. */
export interface BenchUser {
  id: string;
  name: string;
  email: string;
  role: 'SALES_MANAGER';
  teamId: string;
}

export interface SeedOptions {
  /** IndexedDB database name. */
  name: string;
  /** Contacts of the large demo workspace to store, in its order (0 for an empty workspace). */
  contacts: number;
  /** The generator's fixed "today" (tests/bench/support/demo-contacts.ts BENCH_DEMO_TODAY). */
  today: string;
}

export interface SeedResult {
  /** Generating and writing, ms. */
  ms: number;
  /** Of which awaiting the storage's writes, ms. */
  writeMs: number;
  contacts: number;
  companies: number;
  /** Records of the other collections written first (settings, users, pipelines, saved views). */
  other: number;
  /** The owner of most of the stored contacts: the page signs in as them, so "owner is me" finds rows. */
  user: BenchUser;
}

/** One count or query the contacts collection sent its storage (diagnosis), ms from the measurement's start. */
export interface StorageCall {
  op: 'count' | 'query';
  start: number;
  end: number;
  skip: number;
  limit: number | null;
  /** The query's sort, as JSON. */
  sort: string;
}

export interface MountOptions {
  name: string;
  user: BenchUser;
}

export interface MountResult {
  /** root.render() → the first row painted (or, on an empty workspace, the empty state painted). */
  firstRowsMs: number;
  /** openDatabase + clock + journal, before the render (not in firstRowsMs). */
  openMs: number;
  /** The count shown in the footer once painted ("100,000 contacts"). */
  footer: string;
  /** The contacts' storage calls from the render on. */
  calls: StorageCall[];
}

export interface QueryResult {
  /** The first window (skip 0, limit 100) of the default view's query, through RxDB on the app's storage. */
  firstWindowMs: number;
  /** The storage's count of the same selector (what the table waits for before it shows rows). */
  countMs: number;
  count: number;
  openMs: number;
  /** Windows deeper in the same order (skip → ms), each read once, after the count. */
  deepWindowMs: Record<number, number>;
}

/** One measured interaction: the input event's timestamp → the changed rows painted. */
export interface Settled {
  /** ms, or null when nothing visible changed within the timeout. */
  ms: number | null;
  /** What the first row shows afterwards (its text). */
  firstRow: string;
  /** The footer's count text afterwards. */
  footer: string;
  /** The contacts' storage calls from the input on. */
  calls: StorageCall[];
}

export interface JumpResult {
  /** Setting the grid's scroll position → the row at the target painted, ms. */
  ms: number;
  row: number;
}

export interface LongTaskStats {
  count: number;
  longestMs: number;
  totalMs: number;
  /** Each long task's duration, ms. */
  durations: number[];
  /** When each began, ms from the start of the watch. */
  starts: number[];
  /** The contacts' storage calls meanwhile, ms from the start of the watch. */
  calls: StorageCall[];
}

export interface ColdResult {
  /** Navigation start → first row painted and focused (or the empty state painted), ms. */
  interactiveMs: number;
  /** Navigation start → the page's script running (bundle loaded and parsed). */
  scriptMs: number;
  /** Navigation start → the database open. */
  openedMs: number;
  focused: boolean;
  /** The contacts' storage calls, ms from navigation start. */
  calls: StorageCall[];
  /** performance.memory's figure (coarse in Chromium), before any forced GC. */
  usedJSHeapSize: number | null;
}

export interface ImportOptions {
  name: string;
  user: BenchUser;
  today: string;
  /** Rows of the file: the large demo workspace's first contacts, with new e-mail addresses. */
  rows: number;
  /** Put before each e-mail's local part, so that no run's rows repeat another's (duplicates are by e-mail). */
  prefix: string;
  /** 'app': a CSV file through parseCsv + runImport (the wizard's path); 'raw': the same contacts bulk-inserted. */
  kind: 'app' | 'raw';
}

export interface ImportResult {
  rows: number;
  /** Rows created (app) or inserted (raw). */
  written: number;
  /** Rows the import skipped as duplicates of another row's e-mail (app). */
  skipped: number;
  /** Writing the rows: runImport (app) or the bulk inserts (raw), ms. */
  ms: number;
  /** parseCsv of the file (app only; the wizard does it when the file is chosen), ms. */
  parseMs: number;
  /** Diagnosis (app only): readImportContext alone, afterwards — the reads runImport starts with, ms. */
  contextMs: number;
  /** Contacts in the collection once written. */
  contactsAfter: number;
  longTasks: LongTaskStats;
}

export interface TablesBench {
  seed(options: SeedOptions): Promise<SeedResult>;
  /** Opens the database (not timed in firstRowsMs) and renders the Contacts section in its default view. */
  mount(options: MountOptions): Promise<MountResult>;
  /** Resolves once the mounted section's search index, built in the background, is ready: ms since its render. */
  searchReady(): Promise<{ ms: number }>;
  /** The baseline: the first window's query, the count and deeper windows, without the UI, on a database just opened. */
  query(options: MountOptions & { skips?: number[] }): Promise<QueryResult>;
  /** Starts watching for the next input event and the first row changing after it. */
  arm(timeoutMs: number): void;
  /** Resolves once the armed interaction's changed rows are painted (or the timeout passed). */
  settled(): Promise<Settled>;
  /** Moves the grid's scroll position to `row` (as dragging the scroll bar does) and waits for it painted. */
  jumpTo(row: number): Promise<JumpResult>;
  startLongTasks(): void;
  stopLongTasks(): LongTaskStats;
  /** What the first visible rows show: their aria-rowindex and text. */
  visibleRows(): { index: number; busy: boolean; text: string }[];
  importRun(options: ImportOptions): Promise<ImportResult>;
  /** Cold start: set when the page was opened with ?cold=<database>. */
  cold: Promise<ColdResult> | null;
}

declare global {
  interface Window {
    tablesBench?: TablesBench;
  }
}
