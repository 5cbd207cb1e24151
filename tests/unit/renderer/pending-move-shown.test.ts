import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../domain/schemas/deal';
import { pendingMoveShown } from '../../../renderer/features/pipeline/pending-move-shown';
import type { BoardData } from '../../../renderer/features/pipeline/use-board-deals';
import { makeDeal, STAGE, testId } from '../domain/fixtures';

const PIPELINE = testId(0x9001);
const other = makeDeal({ id: testId(0xdea2), stageId: STAGE.leadIn, rank: 'b' });
/** The deal as stored before the move: Lead In, rank m. */
const before = makeDeal({ stageId: STAGE.leadIn, rank: 'm' });
/** The move the board made: Qualified, rank c. */
const moved: Deal = { ...before, stageId: STAGE.qualified, rank: 'c' };

function board(columns: Record<string, Deal[]>): BoardData {
  return new Map(Object.entries(columns).map(([stageId, deals]) => [stageId, { deals, complete: true }]));
}

describe('a move the board shows before its queries do', () => {
  it('is let go once its new column shows it at its new rank and its old column no longer does', () => {
    const data = board({ [STAGE.leadIn]: [other], [STAGE.qualified]: [moved] });
    expect(pendingMoveShown(moved, data, PIPELINE)).toBe(true);
  });

  it('is kept while the column it left still holds the card, so the card is never drawn twice', () => {
    // The new column's query has caught up, the old one's not yet.
    const data = board({ [STAGE.leadIn]: [other, before], [STAGE.qualified]: [moved] });
    expect(pendingMoveShown(moved, data, PIPELINE)).toBe(false);
  });

  it('is kept while the new column has not caught up, or shows the card at its old rank', () => {
    expect(pendingMoveShown(moved, board({ [STAGE.leadIn]: [other], [STAGE.qualified]: [] }), PIPELINE)).toBe(false);
    const stale = { ...moved, rank: 'z' };
    expect(pendingMoveShown(moved, board({ [STAGE.leadIn]: [other], [STAGE.qualified]: [stale] }), PIPELINE)).toBe(
      false,
    );
  });

  it('is let go, for a deal closed or sent to another pipeline, once no column shows it', () => {
    const won: Deal = { ...before, status: 'WON' };
    expect(pendingMoveShown(won, board({ [STAGE.leadIn]: [other, before] }), PIPELINE)).toBe(false);
    expect(pendingMoveShown(won, board({ [STAGE.leadIn]: [other] }), PIPELINE)).toBe(true);
    const elsewhere: Deal = { ...before, pipelineId: testId(0x9002) };
    expect(pendingMoveShown(elsewhere, board({ [STAGE.leadIn]: [other] }), PIPELINE)).toBe(true);
  });
});
