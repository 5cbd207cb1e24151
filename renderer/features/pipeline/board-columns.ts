import {
  dealMatchesFilters,
  hasFilters,
  summarizeColumn,
  type BoardFilters,
  type ColumnSummary,
} from '@domain/board-rules';
import type { Deal } from '@domain/schemas/deal';
import type { Stage } from '@domain/schemas/pipeline';
import { columnWithMoves, type PendingMoves } from './pending-moves';
import type { BoardData } from './use-board-deals';

/** One column as the board draws it: the stored cards with the live moves, filtered, and its figures. */
export interface ColumnView {
  stage: Stage;
  deals: readonly Deal[];
  complete: boolean;
  summary: ColumnSummary;
}

const NO_DEALS: readonly Deal[] = [];
/** Filtered columns by their unfiltered array: weakly held, so old columns are collected. */
const filterCache = new WeakMap<readonly Deal[], { filters: unknown; result: readonly Deal[] }>();
/** Column figures by the column's array: an untouched column keeps its summary, and skips rendering. */
const summaryCache = new WeakMap<readonly Deal[], { stage: Stage; summary: ColumnSummary }>();

function summaryOf(deals: readonly Deal[], stage: Stage): ColumnSummary {
  const cached = summaryCache.get(deals);
  if (cached && cached.stage === stage) return cached.summary;
  const summary = summarizeColumn(deals, stage);
  summaryCache.set(deals, { stage, summary });
  return summary;
}

function filtered(deals: readonly Deal[], filters: BoardFilters): readonly Deal[] {
  if (!hasFilters(filters)) return deals;
  const cached = filterCache.get(deals);
  if (cached && cached.filters === filters) return cached.result;
  const result = deals.filter((d) => dealMatchesFilters(d, filters));
  filterCache.set(deals, { filters, result });
  return result;
}

/**
 * The board's columns. Each keeps its array while neither its cards, the moves touching it nor the
 * filters changed, so untouched columns skip rendering after a move.
 */
export function boardColumns(
  stages: readonly Stage[],
  data: BoardData,
  live: PendingMoves,
  pipelineId: string,
  filters: BoardFilters,
): ColumnView[] {
  return stages.map((stage) => {
    const column = data.get(stage.id);
    const deals = filtered(columnWithMoves(column?.deals ?? NO_DEALS, stage.id, pipelineId, live), filters);
    return { stage, deals, complete: column?.complete ?? false, summary: summaryOf(deals, stage) };
  });
}

export interface LocatedDeal {
  deal: Deal;
  column: number;
  index: number;
}

/** Where a card is drawn: its column and its place in it. */
export function locateDeal(columns: readonly ColumnView[], id: string): LocatedDeal | null {
  for (let column = 0; column < columns.length; column++) {
    const index = columns[column]!.deals.findIndex((d) => d.id === id);
    if (index >= 0) return { deal: columns[column]!.deals[index]!, column, index };
  }
  return null;
}
