import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  NO_FILTERS,
  compareCards,
  dealMatchesFilters,
  hasFilters,
  positionOf,
  rankForIndex,
  summarizeColumn,
  undoDealMove,
} from '@domain/board-rules';
import { markDealLost, markDealWon, moveDealToStage, weightedValue } from '@domain/deal-lifecycle';
import { money } from '@domain/money';
import { spreadRanks } from '@domain/ranks';
import type { Deal } from '@domain/schemas/deal';
import { STAGE, USER_A, USER_B, makeDeal, salesPipeline, stage } from './fixtures';

const AT = '2026-03-10T14:00:00.000Z';
const LATER = '2026-03-10T14:05:00.000Z';
const pipeline = salesPipeline();

describe('rankForIndex', () => {
  it('puts a card dropped between two others strictly between their ranks', () => {
    const ranks = ['a', 'h', 'p'];
    const rank = rankForIndex(ranks, 2);
    expect(rank > 'h' && rank < 'p').toBe(true);
  });

  it('puts a card dropped at the top before the first and at the end after the last', () => {
    expect(rankForIndex(['h', 'p'], 0) < 'h').toBe(true);
    expect(rankForIndex(['h', 'p'], 2) > 'p').toBe(true);
    expect(rankForIndex([], 0)).toBe('i');
  });

  it('finds room after a run of equal ranks left by concurrent inserts', () => {
    const rank = rankForIndex(['c', 'h', 'h', 'h', 'p'], 2);
    expect(rank > 'h' && rank < 'p').toBe(true);
  });

  it('keeps the column in the dropped order for any drop position (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.nat(), (count, at) => {
        const ranks = spreadRanks(count);
        const index = count === 0 ? 0 : at % (count + 1);
        const rank = rankForIndex(ranks, index);
        const next = [...ranks.slice(0, index), rank, ...ranks.slice(index)];
        expect([...next].sort()).toEqual(next);
        expect(new Set(next).size).toBe(next.length);
      }),
    );
  });
});

describe('compareCards', () => {
  it('orders by rank, then by id for equal ranks', () => {
    const cards = [
      { rank: 'm', id: 'b' },
      { rank: 'c', id: 'z' },
      { rank: 'm', id: 'a' },
    ];
    expect([...cards].sort(compareCards).map((c) => c.id)).toEqual(['z', 'a', 'b']);
  });
});

describe('dealMatchesFilters', () => {
  const deal = makeDeal({
    ownerId: USER_A,
    expectedCloseDate: '2026-04-15',
    value: money(1_250_000, 'USD'),
    tags: ['Enterprise', 'renewal'],
  });

  it('lets every deal through when nothing is filtered', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(dealMatchesFilters(deal, NO_FILTERS)).toBe(true);
  });

  it('filters by owner', () => {
    expect(dealMatchesFilters(deal, { ...NO_FILTERS, ownerId: USER_A })).toBe(true);
    expect(dealMatchesFilters(deal, { ...NO_FILTERS, ownerId: USER_B })).toBe(false);
  });

  it('filters by an inclusive close date range and drops deals without a date', () => {
    expect(dealMatchesFilters(deal, { ...NO_FILTERS, closeFrom: '2026-04-15', closeTo: '2026-04-15' })).toBe(true);
    expect(dealMatchesFilters(deal, { ...NO_FILTERS, closeFrom: '2026-04-16' })).toBe(false);
    expect(dealMatchesFilters(deal, { ...NO_FILTERS, closeTo: '2026-04-14' })).toBe(false);
    expect(dealMatchesFilters({ ...deal, expectedCloseDate: '' }, { ...NO_FILTERS, closeTo: '2026-12-31' })).toBe(
      false,
    );
  });

  it('filters by a value range in minor units', () => {
    expect(dealMatchesFilters(deal, { ...NO_FILTERS, minAmount: 1_250_000, maxAmount: 1_250_000 })).toBe(true);
    expect(dealMatchesFilters(deal, { ...NO_FILTERS, minAmount: 1_250_001 })).toBe(false);
    expect(dealMatchesFilters(deal, { ...NO_FILTERS, maxAmount: 1_000_000 })).toBe(false);
  });

  it('needs every filtered tag, ignoring case', () => {
    expect(dealMatchesFilters(deal, { ...NO_FILTERS, tags: ['enterprise'] })).toBe(true);
    expect(dealMatchesFilters(deal, { ...NO_FILTERS, tags: ['enterprise', 'RENEWAL'] })).toBe(true);
    expect(dealMatchesFilters(deal, { ...NO_FILTERS, tags: ['enterprise', 'smb'] })).toBe(false);
  });
});

describe('summarizeColumn', () => {
  const proposal = stage(STAGE.proposal, 'Proposal', 70);

  it('counts cards and sums value and weighted value per currency', () => {
    const deals = [
      makeDeal({ value: money(10_000, 'USD'), probability: null }),
      makeDeal({ value: money(5_000, 'USD'), probability: 10 }),
      makeDeal({ value: money(2_000, 'EUR'), probability: null }),
    ];
    expect(summarizeColumn(deals, proposal)).toEqual({
      count: 3,
      total: [money(2_000, 'EUR'), money(15_000, 'USD')],
      weighted: [money(1_400, 'EUR'), money(7_500, 'USD')],
    });
  });

  it('agrees with weightedValue deal by deal, rounding included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        (amount, probability) => {
          const deal = makeDeal({ value: money(amount, 'USD'), probability });
          expect(summarizeColumn([deal], proposal).weighted).toEqual([weightedValue(deal, proposal)]);
        },
      ),
    );
  });

  it('shows an empty column as zero cards and no totals', () => {
    expect(summarizeColumn([], proposal)).toEqual({ count: 0, total: [], weighted: [] });
  });
});

describe('undoDealMove', () => {
  const apply = (deal: Deal, patch: Partial<Deal>): Deal => ({ ...deal, ...patch });

  it('moves a deal back to its stage, rank and stage clock, and records the step back', () => {
    const deal = makeDeal({ stageId: STAGE.qualified, rank: 'c', stageEnteredAt: '2026-03-01T09:00:00.000Z' });
    const move = moveDealToStage(deal, pipeline, STAGE.proposal, AT, USER_B, 'm');
    if (!move.ok || !move.value) throw new Error('move failed');
    const moved = apply(deal, move.value.patch);
    const undo = undoDealMove(moved, positionOf(deal), positionOf(moved), LATER, USER_B);
    expect(undo?.patch).toMatchObject({
      stageId: STAGE.qualified,
      rank: 'c',
      stageEnteredAt: '2026-03-01T09:00:00.000Z',
    });
    expect(undo?.change).toMatchObject({
      dealId: deal.id,
      fromStageId: STAGE.proposal,
      toStageId: STAGE.qualified,
      fromStatus: 'OPEN',
      toStatus: 'OPEN',
      at: LATER,
      by: USER_B,
    });
  });

  it('reopens a deal marked won or lost by mistake, clearing its close time and reason', () => {
    const deal = makeDeal({ stageId: STAGE.proposal });
    for (const result of [markDealWon(deal, AT, USER_A), markDealLost(deal, 'price', AT, USER_A)]) {
      if (!result.ok) throw new Error('close failed');
      const closed = apply(deal, result.value.patch);
      const undo = undoDealMove(closed, positionOf(deal), positionOf(closed), LATER, USER_A);
      expect(undo?.patch).toMatchObject({ status: 'OPEN', closedAt: null, lostReason: '' });
      expect(undo?.change).toMatchObject({ fromStatus: closed.status, toStatus: 'OPEN', toStageId: STAGE.proposal });
    }
  });

  it('undoes a reorder within a stage without a history entry', () => {
    const deal = makeDeal({ stageId: STAGE.demo, rank: 'c' });
    const moved = apply(deal, { rank: 'x' });
    const undo = undoDealMove(moved, positionOf(deal), positionOf(moved), LATER, USER_A);
    expect(undo).toEqual({ patch: positionOf(deal), change: null });
  });

  it('refuses to undo when the deal has changed since, so no one else’s edit is overwritten', () => {
    const deal = makeDeal({ stageId: STAGE.qualified });
    const moved = apply(deal, { stageId: STAGE.demo });
    const movedAgain = apply(moved, { stageId: STAGE.proposal });
    expect(undoDealMove(movedAgain, positionOf(deal), positionOf(moved), LATER, USER_A)).toBeNull();
  });
});
