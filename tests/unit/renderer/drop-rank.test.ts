import { describe, expect, it } from 'vitest';
import type { Deal } from '@domain/schemas/deal';
import { COLUMN_PREFIX, dropRank, type DropSpot } from '../../../renderer/features/pipeline/drop-rank';
import { makeDeal, STAGE, testId } from '../domain/fixtures';

const CARD = 104;
const a = makeDeal({ id: testId(0xa), stageId: STAGE.qualified, rank: 'c' });
const b = makeDeal({ id: testId(0xb), stageId: STAGE.qualified, rank: 'f' });
const c = makeDeal({ id: testId(0xc), stageId: STAGE.qualified, rank: 'k' });
const dragged = makeDeal({ id: testId(0xd), stageId: STAGE.leadIn, rank: 'm' });

/** A drop on another column's card `over`, released with the dragged card's top at `top`. */
function spot(over: Deal | 'column', top: number, list: readonly Deal[] = [a, b, c], sameColumn = false): DropSpot {
  const overTop = over === 'column' ? 0 : 100 + list.indexOf(over) * 112;
  return {
    overId: over === 'column' ? `${COLUMN_PREFIX}${STAGE.qualified}` : over.id,
    overRect: { top: overTop, height: over === 'column' ? 900 : CARD },
    dragged: { top, height: CARD },
    draggedId: dragged.id,
    list,
    sameColumn,
    cardHeight: CARD,
  };
}

describe('where a dropped card lands', () => {
  it('dropped on a column near its header, it goes to the top', () => {
    expect(dropRank(spot('column', 40))! < a.rank).toBe(true);
  });

  it('dropped on a column below its cards, it goes to the end', () => {
    expect(dropRank(spot('column', 600))! > c.rank).toBe(true);
  });

  it('dropped on the lower half of a card in another column, it goes just after that card', () => {
    const rank = dropRank(spot(b, 212 + 80))!;
    expect(rank > b.rank && rank < c.rank).toBe(true);
  });

  it('dropped on the upper half of a card in another column, it goes just before that card', () => {
    const rank = dropRank(spot(b, 212 - 80))!;
    expect(rank > a.rank && rank < b.rank).toBe(true);
  });

  it('dropped within its own column, it takes the place of the card it was released on', () => {
    const own = { ...dragged, stageId: STAGE.qualified, rank: 'd' };
    // Dragged down onto b: b moves up, the card goes where b was (between b and c).
    const down = dropRank(spot(b, 324, [a, own, b, c], true))!;
    expect(down > b.rank && down < c.rank).toBe(true);
    // Dragged up onto a: a moves down, the card goes first.
    expect(dropRank(spot(a, 100, [a, own, b, c], true))! < a.rank).toBe(true);
  });

  it('dropped on its own place, it does not move', () => {
    const own = { ...dragged, stageId: STAGE.qualified, rank: 'd' };
    expect(dropRank({ ...spot(a, 212, [a, own, b, c], true), overId: own.id })).toBeNull();
  });
});
