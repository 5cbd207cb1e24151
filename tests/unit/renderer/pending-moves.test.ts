import { describe, expect, it } from 'vitest';
import { markDealWon, moveDealToStage } from '@domain/deal-lifecycle';
import type { Deal } from '@domain/schemas/deal';
import {
  columnWithMoves,
  failureReason,
  forgetMove,
  planMove,
  reconcileMoves,
  rollBackMove,
  settleMove,
  showMove,
  type PendingMove,
  type PendingMoves,
  type StoredColumns,
} from '../../../renderer/features/pipeline/pending-moves';
import { ctxAt, makeDeal, salesPipeline, STAGE, testId, USER_A } from '../domain/fixtures';

const pipeline = salesPipeline();
const PIPELINE = pipeline.id;
const AT = '2026-03-02T16:00:00.000Z';
const NONE: PendingMoves = new Map();
const NOTHING_RETIRED = { has: () => false };

/** The deal as stored before the move: Lead In, rank m. */
const before = makeDeal({ stageId: STAGE.leadIn, rank: 'm' });
const other = makeDeal({ id: testId(0xdea2), stageId: STAGE.leadIn, rank: 'b' });
const neighbour = makeDeal({ id: testId(0xdea3), stageId: STAGE.qualified, rank: 'f' });

function board(columns: Record<string, Deal[]>): StoredColumns {
  return new Map(Object.entries(columns).map(([stageId, deals]) => [stageId, { deals, complete: true }]));
}

/** What the board draws in a column: the stored cards with the live moves applied. */
function drawn(stored: StoredColumns, stageId: string, live: PendingMoves): string[] {
  return columnWithMoves(stored.get(stageId)?.deals ?? [], stageId, PIPELINE, live).map((d) => d.id);
}

/** The deal dragged to Qualified at rank c, as the domain's rule makes the move. */
function dropOnQualified(deal: Deal = before, rank = 'c'): Deal {
  const planned = planMove(deal, moveDealToStage(deal, pipeline, STAGE.qualified, AT, USER_A, rank));
  if (planned.kind !== 'move') throw new Error(`expected a move, got ${planned.kind}`);
  return planned.after;
}

/** The deal as the store has it once a write with `after`'s fields landed, at `step` seconds. */
function storedAs(after: Deal, step: number): Deal {
  return { ...after, hlc: ctxAt(step).hlc };
}

describe('a move the board draws before the store has it', () => {
  it('a card dropped shows in its new column before the write lands', () => {
    const stored = board({ [STAGE.leadIn]: [other, before], [STAGE.qualified]: [neighbour] });
    const after = dropOnQualified();
    const { live } = reconcileMoves(showMove(NONE, after), stored, PIPELINE, NOTHING_RETIRED);

    expect(drawn(stored, STAGE.qualified, live)).toEqual([after.id, neighbour.id]);
    expect(drawn(stored, STAGE.leadIn, live)).toEqual([other.id]);
  });

  it('a moved card takes its place by rank among the cards there, equal ranks ordered by id', () => {
    const tied = makeDeal({ id: testId(0xdea0), stageId: STAGE.qualified, rank: 'f' });
    const stored = board({ [STAGE.leadIn]: [before], [STAGE.qualified]: [tied, neighbour] });
    const after = dropOnQualified(before, 'f');

    expect(drawn(stored, STAGE.qualified, showMove(NONE, after))).toEqual([tied.id, after.id, neighbour.id]);
  });

  it('a column no move touches is drawn from the stored array itself, so it skips rendering', () => {
    const far = makeDeal({ id: testId(0xdea4), stageId: STAGE.demo, rank: 'a' });
    const stored = board({ [STAGE.leadIn]: [before], [STAGE.qualified]: [], [STAGE.demo]: [far] });
    const live = showMove(NONE, dropOnQualified());

    const demo = stored.get(STAGE.demo)!.deals;
    expect(columnWithMoves(demo, STAGE.demo, PIPELINE, live)).toBe(demo);
  });

  it('a deal won from the board leaves its column at once', () => {
    const stored = board({ [STAGE.leadIn]: [other, before] });
    const planned = planMove(before, markDealWon(before, AT, USER_A));
    if (planned.kind !== 'move') throw new Error('expected a move');

    expect(drawn(stored, STAGE.leadIn, showMove(NONE, planned.after))).toEqual([other.id]);
  });

  it('a move the rules refuse is never drawn, and the refusal says why', () => {
    const won: Deal = { ...before, status: 'WON', closedAt: AT };
    const planned = planMove(won, moveDealToStage(won, pipeline, STAGE.qualified, AT, USER_A, 'c'));

    expect(planned.kind).toBe('refused');
    expect(planned.kind === 'refused' && planned.errors.map((e) => e.code)).toEqual(['deal.stageOfClosedDeal']);
  });

  it('a drop back on its own place is no move at all', () => {
    const planned = planMove(before, moveDealToStage(before, pipeline, STAGE.leadIn, AT, USER_A, before.rank));
    expect(planned.kind).toBe('unchanged');
  });

  it('a refused move puts the card back where it was, and says why', () => {
    const stored = board({ [STAGE.leadIn]: [other, before], [STAGE.qualified]: [neighbour] });
    const after = dropOnQualified();
    const moves = rollBackMove(showMove(NONE, after), after);

    expect(failureReason(new Error('the disk is full'))).toBe('the disk is full');
    expect(drawn(stored, STAGE.leadIn, moves)).toEqual([other.id, before.id]);
    expect(drawn(stored, STAGE.qualified, moves)).toEqual([neighbour.id]);
  });

  it('a second move of the same card replaces the first, whose late answers change nothing', () => {
    const first = dropOnQualified();
    const second = dropOnQualified(first, 'z');
    const moves = showMove(showMove(NONE, first), second);

    expect(settleMove(moves, first, storedAs(first, 10))).toBe(moves);
    expect(forgetMove(moves, first)).toBe(moves);
    expect(rollBackMove(moves, first)).toBe(moves);
    expect(moves.get(before.id)?.deal).toBe(second);
  });
});

describe('a move the board draws, reconciled with what the store shows', () => {
  it('is kept until its write is stored, even if the queries already show the card there', () => {
    const after = dropOnQualified();
    const stored = board({ [STAGE.leadIn]: [other], [STAGE.qualified]: [after] });
    const { live, retiring } = reconcileMoves(showMove(NONE, after), stored, PIPELINE, NOTHING_RETIRED);

    expect(live.has(after.id)).toBe(true);
    expect(retiring).toEqual([]);
  });

  it('is let go once its new column shows it at its new rank and its old column no longer does', () => {
    const after = dropOnQualified();
    const moves = settleMove(showMove(NONE, after), after, storedAs(after, 10));
    const stored = board({ [STAGE.leadIn]: [other], [STAGE.qualified]: [storedAs(after, 10)] });
    const { live, retiring } = reconcileMoves(moves, stored, PIPELINE, NOTHING_RETIRED);

    expect(live.size).toBe(0);
    expect(retiring).toEqual([moves.get(after.id)]);
  });

  it('is kept while the column it left still holds the card, so the card is never drawn twice', () => {
    const after = dropOnQualified();
    const moves = settleMove(showMove(NONE, after), after, storedAs(after, 10));
    // The new column's query has caught up, the old one's not yet.
    const stored = board({ [STAGE.leadIn]: [other, before], [STAGE.qualified]: [storedAs(after, 10)] });
    const { live } = reconcileMoves(moves, stored, PIPELINE, NOTHING_RETIRED);

    expect(drawn(stored, STAGE.leadIn, live)).toEqual([other.id]);
    expect(drawn(stored, STAGE.qualified, live)).toEqual([after.id]);
  });

  it('is kept while the new column has not caught up, or shows the card at its old rank', () => {
    const after = dropOnQualified();
    const moves = settleMove(showMove(NONE, after), after, storedAs(after, 10));
    const behind = board({ [STAGE.leadIn]: [other], [STAGE.qualified]: [] });
    const oldRank = board({ [STAGE.leadIn]: [other], [STAGE.qualified]: [{ ...storedAs(after, 10), rank: 'z' }] });

    expect(reconcileMoves(moves, behind, PIPELINE, NOTHING_RETIRED).live.has(after.id)).toBe(true);
    expect(reconcileMoves(moves, oldRank, PIPELINE, NOTHING_RETIRED).live.has(after.id)).toBe(true);
  });

  it('is let go, for a deal closed or sent to another pipeline, once no column shows it', () => {
    for (const after of [
      { ...before, status: 'WON', closedAt: AT } as Deal,
      { ...before, pipelineId: testId(0x9002) } as Deal,
    ]) {
      const moves = settleMove(showMove(NONE, after), after, storedAs(after, 10));
      const stillShown = board({ [STAGE.leadIn]: [other, before] });
      const gone = board({ [STAGE.leadIn]: [other] });

      expect(reconcileMoves(moves, stillShown, PIPELINE, NOTHING_RETIRED).live.size).toBe(1);
      expect(reconcileMoves(moves, gone, PIPELINE, NOTHING_RETIRED).live.size).toBe(0);
    }
  });

  it('a remote move of the same deal wins over a stale pending one', () => {
    const after = dropOnQualified();
    const moves = settleMove(showMove(NONE, after), after, storedAs(after, 10));
    // Another device moved the deal to Demo after this device's move: the store has its version.
    const remote: Deal = { ...after, stageId: STAGE.demo, rank: 'k', hlc: ctxAt(20, USER_A, 'b').hlc };
    const stored = board({ [STAGE.leadIn]: [other], [STAGE.qualified]: [neighbour], [STAGE.demo]: [remote] });
    const { live, retiring } = reconcileMoves(moves, stored, PIPELINE, NOTHING_RETIRED);

    expect(retiring).toEqual([moves.get(after.id)]);
    expect(drawn(stored, STAGE.qualified, live)).toEqual([neighbour.id]);
    expect(drawn(stored, STAGE.demo, live)).toEqual([remote.id]);
  });

  it('an undo that lands before the queries showed the move wins over it', () => {
    const after = dropOnQualified();
    const moves = settleMove(showMove(NONE, after), after, storedAs(after, 10));
    const undone: Deal = { ...before, hlc: ctxAt(11).hlc };
    const stored = board({ [STAGE.leadIn]: [other, undone], [STAGE.qualified]: [] });
    const { live } = reconcileMoves(moves, stored, PIPELINE, NOTHING_RETIRED);

    expect(drawn(stored, STAGE.leadIn, live)).toEqual([other.id, before.id]);
  });

  it('is kept while the queries show an earlier version of the deal than its own write', () => {
    // Two quick moves: the queries show the first one stored, the second is stored but not shown yet.
    const first = dropOnQualified();
    const second = dropOnQualified(first, 'z');
    const moves = settleMove(showMove(NONE, second), second, storedAs(second, 12));
    const stored = board({ [STAGE.leadIn]: [other], [STAGE.qualified]: [storedAs(first, 10), neighbour] });
    const { live } = reconcileMoves(moves, stored, PIPELINE, NOTHING_RETIRED);

    expect(drawn(stored, STAGE.qualified, live)).toEqual([neighbour.id, second.id]);
  });

  it('stays let go when the deal later leaves the place the queries showed', () => {
    const after = dropOnQualified();
    const moves = settleMove(showMove(NONE, after), after, storedAs(after, 10));
    const shown = board({ [STAGE.leadIn]: [other], [STAGE.qualified]: [storedAs(after, 10)] });
    const retired = new WeakSet<PendingMove>(reconcileMoves(moves, shown, PIPELINE, NOTHING_RETIRED).retiring);
    // Moved back by hand on another device with a clock behind this one: no newer clock to go by.
    const movedBack = board({ [STAGE.leadIn]: [other, { ...before, hlc: ctxAt(9, USER_A, 'c').hlc }] });
    const { live } = reconcileMoves(moves, movedBack, PIPELINE, retired);

    expect(drawn(movedBack, STAGE.leadIn, live)).toEqual([other.id, before.id]);
    expect(drawn(movedBack, STAGE.qualified, live)).toEqual([]);
  });

  it('keeps the same map while nothing is let go, so the columns are not rebuilt', () => {
    const after = dropOnQualified();
    const moves = showMove(NONE, after);
    expect(reconcileMoves(moves, board({}), PIPELINE, NOTHING_RETIRED).live).toBe(moves);
  });
});
