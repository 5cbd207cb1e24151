import { compareCards } from '@domain/board-rules';
import type { DealMove } from '@domain/deal-lifecycle';
import type { DomainError, Result } from '@domain/errors';
import { compareHlc } from '@domain/hlc';
import type { Deal } from '@domain/schemas/deal';

/**
 * Moves the board shows before the store does (docs/adr/0009-pipeline-board.md, "Optimistic
 * moves"): a drop or a key draws the card in its new place at once, the write follows, and the
 * board lets go of its own copy once the columns' queries show the move — or a later change of the
 * deal, or the write's failure, makes it moot. Pure: the board's hooks keep the state.
 */
export interface PendingMove {
  /** The deal as the move leaves it: what the board draws until the queries catch up. */
  readonly deal: Deal;
  /** The clock the stored write carries; null while the write is on its way. */
  readonly writtenHlc: string | null;
}

export type PendingMoves = ReadonlyMap<string, PendingMove>;

/** What the columns' queries show, by stage id (the shape of useBoardDeals' data). */
export type StoredColumns = ReadonlyMap<string, { readonly deals: readonly Deal[] }>;

export type PlannedMove =
  | { kind: 'refused'; errors: readonly DomainError[] }
  | { kind: 'unchanged' }
  | { kind: 'move'; move: DealMove; after: Deal };

/** What a move the domain's rules answered (moveDealToStage, markDealWon…) does to the card. */
export function planMove(deal: Deal, result: Result<DealMove | null>): PlannedMove {
  if (!result.ok) return { kind: 'refused', errors: result.errors };
  if (!result.value) return { kind: 'unchanged' };
  return { kind: 'move', move: result.value, after: { ...deal, ...result.value.patch } as Deal };
}

/** The card is drawn where the move leaves it, replacing any earlier move of the same deal. */
export function showMove(moves: PendingMoves, after: Deal): PendingMoves {
  return new Map(moves).set(after.id, { deal: after, writtenHlc: null });
}

/** The write is stored (`stored`: what was written, null when it changed nothing). */
export function settleMove(moves: PendingMoves, after: Deal, stored: Pick<Deal, 'hlc'> | null): PendingMoves {
  if (moves.get(after.id)?.deal !== after) return moves;
  return new Map(moves).set(after.id, { deal: after, writtenHlc: stored?.hlc ?? after.hlc });
}

/** Lets go of a move, unless a later move of the same deal has taken its place. */
export function forgetMove(moves: PendingMoves, after: Deal): PendingMoves {
  if (moves.get(after.id)?.deal !== after) return moves;
  const next = new Map(moves);
  next.delete(after.id);
  return next;
}

/** A write that failed: the card goes back to where the store has it (the caller says why, failureReason). */
export function rollBackMove(moves: PendingMoves, after: Deal): PendingMoves {
  return forgetMove(moves, after);
}

/** Why a write failed, in words the board can show. */
export function failureReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function copiesOf(id: string, stored: StoredColumns): { stageId: string; deal: Deal }[] {
  const copies: { stageId: string; deal: Deal }[] = [];
  for (const [stageId, column] of stored) {
    const deal = column.deals.find((d) => d.id === id);
    if (deal) copies.push({ stageId, deal });
  }
  return copies;
}

/**
 * Whether the queries show the move: the deal in its new column at its new rank — or, closed or
 * moved to another pipeline, on the board no more — and in no other column. Each column is a query
 * of its own and they are not updated at once: while the column the card left still holds it,
 * letting go would draw the card in both columns, and dnd-kit, which knows a card by its id, would
 * then forget the card that stays (it could not be picked up again until it was drawn anew).
 */
export function moveShown(deal: Deal, stored: StoredColumns, pipelineId: string): boolean {
  const onBoard = deal.status === 'OPEN' && deal.pipelineId === pipelineId;
  const copies = copiesOf(deal.id, stored);
  if (!onBoard) return copies.length === 0;
  return copies.length === 1 && copies[0]!.stageId === deal.stageId && copies[0]!.deal.rank === deal.rank;
}

/**
 * Whether a later change of the deal (another device's move, an undo) has reached the queries
 * after this move was stored: its one copy carries a newer clock than the move's write. The later
 * change wins; the card is drawn where it says. Only one copy, for the same reason as moveShown.
 */
export function moveOvertaken(move: PendingMove, stored: StoredColumns): boolean {
  if (move.writtenHlc === null) return false;
  const copies = copiesOf(move.deal.id, stored);
  return copies.length === 1 && compareHlc(copies[0]!.deal.hlc, move.writtenHlc) > 0;
}

/**
 * The moves the board still has to draw itself, and those it is done with now. A move once done
 * with stays so (`retired`, kept by the caller), even if the deal later leaves the place the queries
 * showed: an undo or another device's change must never be hidden behind it.
 */
export function reconcileMoves(
  moves: PendingMoves,
  stored: StoredColumns,
  pipelineId: string,
  retired: { has(move: PendingMove): boolean },
): { live: PendingMoves; retiring: PendingMove[] } {
  if (moves.size === 0) return { live: moves, retiring: [] };
  const retiring: PendingMove[] = [];
  const live = new Map<string, PendingMove>();
  for (const [id, move] of moves) {
    if (retired.has(move)) continue;
    if (move.writtenHlc !== null && (moveShown(move.deal, stored, pipelineId) || moveOvertaken(move, stored))) {
      retiring.push(move);
    } else live.set(id, move);
  }
  return { live: live.size === moves.size ? moves : live, retiring };
}

/**
 * A column's cards with the live moves applied: moved-away cards left out, moved-in ones placed
 * by rank (ties by id, as the index sorts). The stored array itself when no move touches it, so
 * an untouched column keeps its identity and skips rendering.
 */
export function columnWithMoves(
  stored: readonly Deal[],
  stageId: string,
  pipelineId: string,
  live: PendingMoves,
): readonly Deal[] {
  if (live.size === 0) return stored;
  const incoming: Deal[] = [];
  for (const { deal } of live.values()) {
    if (deal.status === 'OPEN' && deal.stageId === stageId && deal.pipelineId === pipelineId) incoming.push(deal);
  }
  const kept = stored.filter((d) => !live.has(d.id));
  if (incoming.length === 0 && kept.length === stored.length) return stored;
  for (const deal of incoming) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareCards(kept[mid]!, deal) < 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, deal);
  }
  return kept;
}
