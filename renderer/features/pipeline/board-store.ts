import { create } from 'zustand';
import { NO_FILTERS, type BoardFilters, type DealPosition } from '@domain/board-rules';

/** One board action that Ctrl/Cmd-Z or the toast's Undo can take back. */
export interface UndoEntry {
  id: number;
  dealId: string;
  title: string;
  before: DealPosition;
  after: DealPosition;
  /** The move's write: undo waits for it, so it never reads the deal from before the move. */
  written: Promise<unknown>;
}

interface BoardState {
  /** '' = the workspace's default pipeline. */
  pipelineId: string;
  filters: BoardFilters;
  /** Counts "clear filters": the filter bar starts afresh, typed text included. */
  filtersCleared: number;
  /** Most recent last; a short history is enough to take back a slip of the mouse or key. */
  undo: UndoEntry[];
  /**
   * A card the board should focus once it is on screen (an undone move puts the card back in
   * another column: focus follows it instead of falling to the page). `seq` makes each ask new.
   */
  focusRequest: { dealId: string; seq: number } | null;
  requestFocus(dealId: string): void;
  choosePipeline(pipelineId: string): void;
  setFilters(patch: Partial<BoardFilters>): void;
  clearFilters(): void;
  pushUndo(entry: Omit<UndoEntry, 'id'>): number;
  takeUndo(id?: number): UndoEntry | undefined;
}

const UNDO_DEPTH = 20;
let undoSeq = 0;

/** The board's UI state (zustand holds UI state only; the deals themselves stay in RxDB). */
export const useBoard = create<BoardState>((set, get) => ({
  pipelineId: '',
  filters: NO_FILTERS,
  filtersCleared: 0,
  undo: [],
  focusRequest: null,
  requestFocus(dealId) {
    set({ focusRequest: { dealId, seq: (get().focusRequest?.seq ?? 0) + 1 } });
  },
  choosePipeline(pipelineId) {
    set({ pipelineId });
  },
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
  },
  clearFilters() {
    set({ filters: NO_FILTERS, filtersCleared: get().filtersCleared + 1 });
  },
  pushUndo(entry) {
    const id = ++undoSeq;
    set({ undo: [...get().undo.slice(1 - UNDO_DEPTH), { ...entry, id }] });
    return id;
  },
  takeUndo(id) {
    const stack = get().undo;
    const entry = id === undefined ? stack.at(-1) : stack.find((e) => e.id === id);
    if (entry) set({ undo: stack.filter((e) => e !== entry) });
    return entry;
  },
}));
