import { effectiveProbability, type DealMove } from './deal-lifecycle';
import type { Money } from './money';
import { rankBetween } from './ranks';
import type { Deal } from './schemas/deal';
import type { Stage } from './schemas/pipeline';
import type { IsoDate, IsoDateTime } from './time';

/** Cards in a column: by rank, ties (two devices inserting at once) broken by id, as the index sorts. */
export function compareCards(a: Pick<Deal, 'rank' | 'id'>, b: Pick<Deal, 'rank' | 'id'>): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The rank for a card dropped at `index` of a column whose other cards have `ranks` (sorted, the
 * moving card left out). Equal neighbours (concurrent inserts) leave no key between them, so the
 * card goes just after the run of equal keys: the nearest place that still has room.
 */
export function rankForIndex(ranks: readonly string[], index: number): string {
  const at = Math.max(0, Math.min(index, ranks.length));
  const before = at > 0 ? ranks[at - 1]! : null;
  let next = at;
  while (before !== null && next < ranks.length && ranks[next]! <= before) next++;
  return rankBetween(before, next < ranks.length ? ranks[next]! : null);
}

/** What the board's filter bar narrows cards to; empty fields do not filter. */
export interface BoardFilters {
  ownerId: string;
  /** Expected close date range, inclusive. */
  closeFrom: IsoDate | '';
  closeTo: IsoDate | '';
  /** Minimum and maximum value in minor units of the deal's currency; null = open end. */
  minAmount: number | null;
  maxAmount: number | null;
  /** A deal matches when it carries every one of these tags. */
  tags: readonly string[];
}

export const NO_FILTERS: BoardFilters = {
  ownerId: '',
  closeFrom: '',
  closeTo: '',
  minAmount: null,
  maxAmount: null,
  tags: [],
};

export function hasFilters(filters: BoardFilters): boolean {
  return (
    filters.ownerId !== '' ||
    filters.closeFrom !== '' ||
    filters.closeTo !== '' ||
    filters.minAmount !== null ||
    filters.maxAmount !== null ||
    filters.tags.length > 0
  );
}

export function dealMatchesFilters(
  deal: Pick<Deal, 'ownerId' | 'expectedCloseDate' | 'value' | 'tags'>,
  filters: BoardFilters,
): boolean {
  if (filters.ownerId && deal.ownerId !== filters.ownerId) return false;
  // A deal without a close date cannot be said to close inside a range.
  if ((filters.closeFrom || filters.closeTo) && !deal.expectedCloseDate) return false;
  if (filters.closeFrom && deal.expectedCloseDate < filters.closeFrom) return false;
  if (filters.closeTo && deal.expectedCloseDate > filters.closeTo) return false;
  if (filters.minAmount !== null && deal.value.amount < filters.minAmount) return false;
  if (filters.maxAmount !== null && deal.value.amount > filters.maxAmount) return false;
  if (filters.tags.length) {
    const own = new Set(deal.tags.map((t) => t.toLowerCase()));
    if (!filters.tags.every((t) => own.has(t.toLowerCase()))) return false;
  }
  return true;
}

/** A column's header figures. Totals are per currency: mixed currencies are never added together. */
export interface ColumnSummary {
  count: number;
  total: Money[];
  weighted: Money[];
}

export function summarizeColumn(
  deals: readonly Pick<Deal, 'value' | 'probability' | 'status'>[],
  stage: Stage | undefined,
): ColumnSummary {
  // Plain integer sums: this runs over every card of a column on each change, and money() checks
  // its currency through Intl each time. Integer percentages make the rounding exact.
  const totals = new Map<string, [number, number]>();
  for (const deal of deals) {
    const { amount, currency } = deal.value;
    const p = effectiveProbability(deal, stage);
    const magnitude = Math.floor((Math.abs(amount) * p + 50) / 100);
    const weighted = amount < 0 && magnitude !== 0 ? -magnitude : magnitude;
    const sums = totals.get(currency);
    if (sums) {
      sums[0] += amount;
      sums[1] += weighted;
    } else totals.set(currency, [amount, weighted]);
  }
  const currencies = [...totals.keys()].sort();
  return {
    count: deals.length,
    total: currencies.map((currency) => ({ amount: totals.get(currency)![0], currency })),
    weighted: currencies.map((currency) => ({ amount: totals.get(currency)![1], currency })),
  };
}

/** The fields a board move or status change touches: what undo puts back. */
export type DealPosition = Pick<
  Deal,
  'stageId' | 'rank' | 'stageEnteredAt' | 'status' | 'closedAt' | 'lostReason' | 'pipelineId'
>;

export function positionOf(deal: DealPosition): DealPosition {
  const { stageId, rank, stageEnteredAt, status, closedAt, lostReason, pipelineId } = deal;
  return { stageId, rank, stageEnteredAt, status, closedAt, lostReason, pipelineId };
}

/**
 * Undo of a board move or status change: put the deal back where it was, including when it entered
 * the stage (undo is not a new visit, so the rotting clock is not restarted), and record the step
 * back in the stage history, which is append-only. Null when the deal has changed since (another
 * device, a later edit): undo then would overwrite someone else's work, so it does nothing.
 */
export function undoDealMove(
  current: Deal,
  before: DealPosition,
  after: DealPosition,
  at: IsoDateTime,
  by: string,
): DealMove | null {
  const unchangedSince =
    current.stageId === after.stageId &&
    current.status === after.status &&
    current.rank === after.rank &&
    current.pipelineId === after.pipelineId;
  if (!unchangedSince) return null;
  const patch: Partial<Deal> = positionOf(before);
  const moved = before.stageId !== current.stageId || before.status !== current.status;
  return {
    patch,
    change: moved
      ? {
          dealId: current.id,
          pipelineId: current.pipelineId,
          fromStageId: current.stageId,
          toStageId: before.stageId,
          fromStatus: current.status,
          toStatus: before.status,
          at,
          by,
          ownerId: current.ownerId,
          teamId: current.teamId,
        }
      : null,
  };
}
