/** What the Node side of the pipeline benchmark and the browser page exchange. */

export interface SeedOptions {
  /** IndexedDB database name. */
  name: string;
  /** Open deals spread over the pipeline's stages. */
  deals: number;
}

export interface MountResult {
  /** From render() to the columns and their first cards painted. */
  firstRenderMs: number;
  /** From render() to every column fully read (counts and totals shown), painted. */
  completeMs: number;
  /** Cards in the DOM once painted (virtualized: a few per column). */
  cardsInDom: number;
  openMs: number;
}

export interface FrameStats {
  frames: number;
  durationMs: number;
  /** Intervals between animation frames, ms. */
  intervals: number[];
}

export interface ProbeResult {
  /** One Dexie put per transaction into a bare table, ms each. */
  floor: number[];
  /** writeDealMove (deal update + stage_change insert) without the board, ms each. */
  app: number[];
}

/**
 * Where one drop's time went (diagnosis), ms on the page's clock: the pointer release (the
 * pointerup event's own timestamp), the board's drop handler, and the deal and stage_change
 * write transactions (in the storage worker) from their creation to their `complete` event.
 */
export interface DropTrace {
  /** pointerup event → the board's drop handler. */
  input: number;
  /** pointerup listeners → the board's drop handler (`outpost:drop-handler` mark). */
  handler: number;
  /** Drop handler → the first of the two write transactions created (in the storage worker). */
  issue: number;
  /** Release → the drop's DOM changes (React's commit; diagnosis only, not a phase of `total`). */
  commit: number;
  /** First transaction created → the later of the two `complete` events. */
  idb: number;
  /**
   * Release → the storage worker's first message handled on the page: held until the frame that
   * follows the release has been produced (ADR 0009, "Performance").
   */
  delivered: number;
  /** Main-thread time spent handling the worker's messages (RxDB's work on the answers and change events). */
  pageWork: number;
  /**
   * The later `complete` event → the board's `outpost:drop-persisted` end: the answers' way back
   * to the page (held for the frame) and RxDB's work there.
   */
  after: number;
  /** Release → persisted, as the board reports it. */
  total: number;
  /** Main-thread time in long tasks (> 50 ms) overlapping the drop. */
  longTasks: number;
}

/** What the board shows now: a harness that must say why a drop was not recorded prints it. */
export interface BoardState {
  columns: {
    stage: string;
    /** The column's count as shown ("10 deals", or "Counting…"). */
    count: string;
    /** How far the column's list is scrolled, px. */
    scrollTop: number;
    /** Ids of the first cards in the DOM (virtualized: the visible ones and a few around them). */
    firstCards: string[];
  }[];
  /** dnd-kit's last screen-reader announcement ("Picked up…", "… dropped in …"). */
  announcement: string;
  /** The card dnd-kit holds (aria-pressed), if any. */
  held: string | null;
  /** Whether the drag overlay (the floating card) is drawn. */
  floating: boolean;
  /** `outpost:drop-handler` marks and `outpost:drop-persisted` measures so far. */
  dropHandlers: number;
  dropsPersisted: number;
  /** Text the mouse selected, if any (a press that missed the cards selects text instead). */
  selection: string;
}

export interface PipelineBench {
  /** Per-drop breakdown of `dropLatencies()`: the storage worker's IndexedDB trace, the page's input tracing. */
  dropTrace(): Promise<DropTrace[]>;
  /** Diagnosis: the write path of a move without the UI, and the IndexedDB floor under it. */
  probe(name: string, count: number): Promise<ProbeResult>;
  seed(options: SeedOptions): Promise<{ ms: number }>;
  /** Opens the database (not timed in firstRenderMs) and renders the Pipeline section. */
  mount(name: string): Promise<MountResult>;
  /** Durations of the board's `outpost:drop-persisted` user-timing measures so far. */
  dropLatencies(): number[];
  startFrames(): void;
  stopFrames(): FrameStats;
  /** The deal card under a point of the viewport (its id), or null. */
  cardAt(x: number, y: number): string | null;
  /** Whether dnd-kit holds the card (the drag has started: aria-pressed). */
  isHeld(id: string): boolean;
  boardState(): BoardState;
}

declare global {
  interface Window {
    pipelineBench?: PipelineBench;
  }
}
