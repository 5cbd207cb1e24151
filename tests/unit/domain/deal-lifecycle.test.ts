import { describe, expect, it } from 'vitest';
import {
  DEAL_TRANSITIONS,
  canTransitionDeal,
  checkDealWrite,
  daysRotting,
  effectiveProbability,
  markDealLost,
  markDealWon,
  moveDealToStage,
  reopenDeal,
  stepDealStage,
  weightedValue,
} from '@domain/deal-lifecycle';
import { money } from '@domain/money';
import { DEAL_STATUSES, type Deal, type DealStatus } from '@domain/schemas/deal';
import { STAGE, USER_B, makeDeal, salesPipeline, stage, testId } from './fixtures';

const AT = '2026-03-10T14:00:00.000Z';
const pipeline = salesPipeline();
/** A deal form or the server's push, on the day of AT, by someone who cannot make pipelines. */
const CTX = { nowMs: Date.parse(AT), pipelineMayBePending: false };
const inStage = (stageId: string, overrides: Partial<Deal> = {}) => makeDeal({ stageId, ...overrides });
const won = (overrides: Partial<Deal> = {}) => makeDeal({ status: 'WON', closedAt: AT, ...overrides });
const lost = (overrides: Partial<Deal> = {}) =>
  makeDeal({ status: 'LOST', closedAt: AT, lostReason: 'price', ...overrides });

describe('moveDealToStage', () => {
  it('moves an open deal and records where it came from', () => {
    const deal = inStage(STAGE.qualified);
    const result = moveDealToStage(deal, pipeline, STAGE.proposal, AT, USER_B, 'm');
    expect(result).toEqual({
      ok: true,
      value: {
        patch: { stageId: STAGE.proposal, stageEnteredAt: AT, rank: 'm' },
        change: {
          dealId: deal.id,
          pipelineId: pipeline.id,
          fromStageId: STAGE.qualified,
          toStageId: STAGE.proposal,
          fromStatus: 'OPEN',
          toStatus: 'OPEN',
          at: AT,
          by: USER_B,
          ownerId: deal.ownerId,
          teamId: deal.teamId,
        },
      },
    });
  });

  it('reorders within a stage without a stage change, and does nothing for a drop in place', () => {
    const deal = inStage(STAGE.demo, { rank: 'i' });
    expect(moveDealToStage(deal, pipeline, STAGE.demo, AT, USER_B, 'k')).toEqual({
      ok: true,
      value: { patch: { rank: 'k' }, change: null },
    });
    expect(moveDealToStage(deal, pipeline, STAGE.demo, AT, USER_B, 'i')).toEqual({ ok: true, value: null });
    expect(moveDealToStage(deal, pipeline, STAGE.demo, AT, USER_B)).toEqual({ ok: true, value: null });
  });

  it('refuses a retired or unknown stage', () => {
    const retired = moveDealToStage(inStage(STAGE.qualified), pipeline, STAGE.retired, AT, USER_B);
    expect(!retired.ok && retired.errors[0]).toMatchObject({
      code: 'deal.retiredStage',
      params: { stage: 'Discovery (old)' },
    });
    const unknown = moveDealToStage(inStage(STAGE.qualified), pipeline, testId(0xbad), AT, USER_B);
    expect(!unknown.ok && unknown.errors[0]!.code).toBe('deal.unknownStage');
  });

  it.each<DealStatus>(['WON', 'LOST'])('refuses to move a %s deal: it must be reopened first', (status) => {
    const deal = status === 'WON' ? won() : lost();
    const result = moveDealToStage(deal, pipeline, STAGE.proposal, AT, USER_B);
    expect(!result.ok && result.errors[0]).toMatchObject({ code: 'deal.stageOfClosedDeal', params: { status } });
  });
});

describe('stepDealStage ([ and ] on the board)', () => {
  it('steps to the next and previous active stage', () => {
    const next = stepDealStage(inStage(STAGE.qualified), pipeline, 1, AT, USER_B);
    expect(next.ok && next.value?.patch.stageId).toBe(STAGE.demo);
    const previous = stepDealStage(inStage(STAGE.qualified), pipeline, -1, AT, USER_B);
    expect(previous.ok && previous.value?.patch.stageId).toBe(STAGE.leadIn);
  });

  it('returns null at either end instead of wrapping or stepping into a retired stage', () => {
    expect(stepDealStage(inStage(STAGE.leadIn), pipeline, -1, AT, USER_B)).toEqual({ ok: true, value: null });
    expect(stepDealStage(inStage(STAGE.negotiation), pipeline, 1, AT, USER_B)).toEqual({ ok: true, value: null });
  });

  it('skips retired stages in the middle of the board', () => {
    const withRetiredDemo = {
      ...pipeline,
      stages: pipeline.stages.map((s) => (s.id === STAGE.demo ? { ...s, retired: true } : s)),
    };
    const next = stepDealStage(inStage(STAGE.qualified), withRetiredDemo, 1, AT, USER_B);
    expect(next.ok && next.value?.patch.stageId).toBe(STAGE.proposal);
  });

  it('refuses to step a closed deal', () => {
    const result = stepDealStage(won({ stageId: STAGE.qualified }), pipeline, 1, AT, USER_B);
    expect(!result.ok && result.errors[0]!.code).toBe('deal.stageOfClosedDeal');
  });
});

describe('won, lost and reopen', () => {
  it('marks an open deal won, with its close time and a history entry in the same stage', () => {
    const deal = inStage(STAGE.negotiation);
    const result = markDealWon(deal, AT, USER_B);
    if (!result.ok) throw new Error('expected a move');
    expect(result.value.patch).toEqual({ status: 'WON', closedAt: AT, lostReason: '' });
    expect(result.value.change).toMatchObject({
      fromStageId: STAGE.negotiation,
      toStageId: STAGE.negotiation,
      fromStatus: 'OPEN',
      toStatus: 'WON',
      at: AT,
    });
  });

  it('marks an open deal lost only with a reason', () => {
    const deal = inStage(STAGE.proposal);
    const noReason = markDealLost(deal, '  ', AT, USER_B);
    expect(!noReason.ok && noReason.errors[0]!.code).toBe('deal.lostReasonRequired');
    const result = markDealLost(deal, ' competitor ', AT, USER_B);
    if (!result.ok) throw new Error('expected a move');
    expect(result.value.patch).toEqual({ status: 'LOST', closedAt: AT, lostReason: 'competitor' });
    expect(result.value.change).toMatchObject({ fromStatus: 'OPEN', toStatus: 'LOST' });
  });

  it('refuses to win a won deal, lose a lost one, or jump between won and lost', () => {
    expect(markDealWon(won(), AT, USER_B).ok).toBe(false);
    expect(markDealLost(lost(), 'price', AT, USER_B).ok).toBe(false);
    const lostToWon = markDealWon(lost(), AT, USER_B);
    expect(!lostToWon.ok && lostToWon.errors[0]).toMatchObject({
      code: 'deal.transitionForbidden',
      params: { from: 'LOST', to: 'WON' },
    });
    expect(markDealLost(won(), 'price', AT, USER_B).ok).toBe(false);
  });

  it('reopens a closed deal, clearing the close and restarting the stage clock', () => {
    const result = reopenDeal(lost(), AT, USER_B);
    if (!result.ok) throw new Error('expected a move');
    expect(result.value.patch).toEqual({ status: 'OPEN', closedAt: null, lostReason: '', stageEnteredAt: AT });
    expect(result.value.change).toMatchObject({ fromStatus: 'LOST', toStatus: 'OPEN' });
    expect(reopenDeal(won(), AT, USER_B).ok).toBe(true);
  });

  it('refuses to reopen an open deal', () => {
    expect(reopenDeal(inStage(STAGE.demo), AT, USER_B).ok).toBe(false);
  });
});

describe('checkDealWrite', () => {
  const TABLE = DEAL_STATUSES.flatMap((from) =>
    DEAL_STATUSES.map((to) => [from, to, from === to || DEAL_TRANSITIONS[from].includes(to)] as const),
  );
  const dealIn = (status: DealStatus) => (status === 'OPEN' ? makeDeal() : status === 'WON' ? won() : lost());

  it.each(TABLE)('one step %s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransitionDeal(from, to)).toBe(allowed);
  });

  it.each(TABLE)('a stored %s deal may be %s after an offline session (every status is reachable)', (from, to) => {
    // WON → LOST is two clicks (reopen, mark lost) that the server sees as one write.
    expect(checkDealWrite(dealIn(from), dealIn(to), pipeline, CTX)).toEqual([]);
  });

  it('matches the table of allowed moves: open closes, closed reopens, won and lost never swap', () => {
    expect(DEAL_TRANSITIONS).toEqual({ OPEN: ['WON', 'LOST'], WON: ['OPEN'], LOST: ['OPEN'] });
  });

  it('requires a lost reason and a close time', () => {
    expect(checkDealWrite(makeDeal(), lost({ lostReason: '' }), pipeline, CTX).map((e) => e.code)).toEqual([
      'deal.lostReasonRequired',
    ]);
    expect(checkDealWrite(makeDeal(), won({ closedAt: null }), pipeline, CTX).map((e) => e.code)).toEqual([
      'deal.closedAtRequired',
    ]);
  });

  it('accepts a closed deal in another stage: reopened, moved and closed again offline', () => {
    expect(checkDealWrite(won(), won({ stageId: STAGE.proposal }), pipeline, CTX)).toEqual([]);
  });

  it('allows a closed deal to be reopened into another stage in one write', () => {
    expect(checkDealWrite(won(), makeDeal({ stageId: STAGE.demo }), pipeline, CTX)).toEqual([]);
  });

  it('refuses retired and unknown stages', () => {
    expect(checkDealWrite(null, inStage(STAGE.retired), pipeline, CTX).map((e) => e.code)).toEqual([
      'deal.retiredStage',
    ]);
    expect(checkDealWrite(null, inStage(testId(0xbad)), pipeline, CTX).map((e) => e.code)).toEqual([
      'deal.unknownStage',
    ]);
  });

  it('refuses a deal on a pipeline that does not exist, from someone who cannot make pipelines', () => {
    const nowhere = makeDeal({ pipelineId: testId(0xbad) });
    expect(checkDealWrite(null, nowhere, undefined, CTX).map((e) => e.code)).toEqual(['deal.unknownPipeline']);
    const moved = { ...makeDeal(), pipelineId: testId(0xbad) };
    expect(checkDealWrite(makeDeal(), moved, undefined, CTX).map((e) => e.code)).toEqual(['deal.unknownPipeline']);
  });

  it('accepts a deal whose pipeline its writer may have made offline: collections sync independently', () => {
    const pending = { ...CTX, pipelineMayBePending: true };
    expect(checkDealWrite(null, inStage(testId(0xbad)), undefined, pending)).toEqual([]);
  });

  it('lets a deal whose pipeline is not known here be edited in its other fields', () => {
    const deal = makeDeal({ pipelineId: testId(0xbad) });
    expect(checkDealWrite(deal, { ...deal, notes: 'called back' }, undefined, CTX)).toEqual([]);
  });

  it('refuses an open deal with a close time', () => {
    expect(checkDealWrite(null, makeDeal({ closedAt: AT }), pipeline, CTX)).toEqual([
      expect.objectContaining({ code: 'deal.closedAtOfOpenDeal' }),
    ]);
    expect(checkDealWrite(won(), { ...won(), status: 'OPEN' }, pipeline, CTX).map((e) => e.code)).toEqual([
      'deal.closedAtOfOpenDeal',
    ]);
  });

  it('refuses an expected close date before 1970 or more than 50 years ahead, naming the range', () => {
    const codes = (expectedCloseDate: string) =>
      checkDealWrite(null, makeDeal({ expectedCloseDate }), pipeline, CTX).map((e) => e.code);
    expect(checkDealWrite(null, makeDeal({ expectedCloseDate: '9999-12-31' }), pipeline, CTX)).toEqual([
      expect.objectContaining({
        code: 'record.dateOutOfRange',
        params: { field: 'expectedCloseDate', min: '1970-01-01', max: '2076-03-10' },
      }),
    ]);
    expect(codes('2076-03-11')).toEqual(['record.dateOutOfRange']);
    expect(codes('1969-12-31')).toEqual(['record.dateOutOfRange']);
    expect(codes('2076-03-10')).toEqual([]);
    expect(codes('1970-01-01')).toEqual([]);
  });

  it('lets a deal stay in a stage that was retired after it got there', () => {
    const deal = inStage(STAGE.retired);
    expect(checkDealWrite(deal, { ...deal, notes: 'still here' }, pipeline, CTX)).toEqual([]);
  });

  it('requires deal lines in the deal’s currency', () => {
    const deal = makeDeal();
    const mixed = { ...deal, lines: [{ ...deal.lines[0]!, unitPrice: money(1000, 'EUR') }] };
    expect(checkDealWrite(deal, mixed, pipeline, CTX).map((e) => e.code)).toEqual(['money.currencyMismatch']);
  });

  it('refuses a new deal with a blank title, a negative value or a close date that is not on the calendar', () => {
    const codes = (deal: Deal) => checkDealWrite(null, deal, pipeline, CTX).map((e) => e.code);
    expect(codes(makeDeal({ title: '   ' }))).toEqual(['deal.titleRequired']);
    expect(codes(makeDeal({ title: 'x'.repeat(201) }))).toEqual(['deal.titleTooLong']);
    expect(codes(makeDeal({ title: '🚚'.repeat(200) }))).toEqual([]);
    expect(codes(makeDeal({ value: money(-1, 'USD') }))).toEqual(['deal.negativeValue']);
    expect(codes(makeDeal({ value: money(0, 'USD') }))).toEqual([]);
    expect(codes(makeDeal({ expectedCloseDate: '2026-02-30' }))).toEqual(['deal.invalidCloseDate']);
    expect(codes(makeDeal({ expectedCloseDate: '' }))).toEqual([]);
  });

  it('refuses an edit that blanks the title, makes the value negative or sets an impossible date', () => {
    const deal = makeDeal();
    const edited = { ...deal, title: '', value: money(-500, 'USD'), expectedCloseDate: '2026-13-01' };
    expect(checkDealWrite(deal, edited, pipeline, CTX).map((e) => e.code)).toEqual([
      'deal.titleRequired',
      'deal.negativeValue',
      'deal.invalidCloseDate',
    ]);
  });

  it('lets a deal stored before those rules be edited in its other fields', () => {
    const old = makeDeal({ value: money(-500, 'USD'), expectedCloseDate: '2026-02-30' });
    expect(checkDealWrite(old, { ...old, notes: 'called back' }, pipeline, CTX)).toEqual([]);
  });
});

describe('effectiveProbability and weightedValue', () => {
  const demo = stage(STAGE.demo, 'Demo', 50);

  it('uses the deal’s own probability, else its stage’s; 100 once won and 0 once lost', () => {
    expect(effectiveProbability({ status: 'OPEN', probability: null }, demo)).toBe(50);
    expect(effectiveProbability({ status: 'OPEN', probability: 0 }, demo)).toBe(0);
    expect(effectiveProbability({ status: 'OPEN', probability: 80 }, demo)).toBe(80);
    expect(effectiveProbability({ status: 'OPEN', probability: null }, undefined)).toBe(0);
    expect(effectiveProbability({ status: 'WON', probability: 10 }, demo)).toBe(100);
    expect(effectiveProbability({ status: 'LOST', probability: 90 }, demo)).toBe(0);
  });

  it('weights the value by that probability, in the deal’s currency, rounding halves up', () => {
    expect(weightedValue({ status: 'OPEN', probability: null, value: money(4_500_000, 'MXN') }, demo)).toEqual(
      money(2_250_000, 'MXN'),
    );
    expect(weightedValue({ status: 'OPEN', probability: 70, value: money(45, 'USD') }, demo)).toEqual(money(32, 'USD'));
    expect(weightedValue({ status: 'LOST', probability: null, value: money(45, 'USD') }, demo)).toEqual(
      money(0, 'USD'),
    );
    expect(weightedValue({ status: 'WON', probability: null, value: money(1234, 'JPY') }, demo)).toEqual(
      money(1234, 'JPY'),
    );
  });
});

describe('daysRotting', () => {
  const proposal = stage(STAGE.proposal, 'Proposal', 70, 21);

  it('counts the days past the stage’s rotting threshold', () => {
    const deal = { status: 'OPEN' as const, stageEnteredAt: '2026-02-01T10:00:00.000Z' };
    expect(daysRotting(deal, proposal, '2026-02-22T09:00:00.000Z')).toBe(0);
    expect(daysRotting(deal, proposal, '2026-02-23T09:00:00.000Z')).toBe(1);
    expect(daysRotting(deal, proposal, '2026-03-03T09:00:00.000Z')).toBe(9);
  });

  it('is 0 for fresh, closed, or never-rotting deals', () => {
    const old = '2025-01-01T00:00:00.000Z';
    expect(daysRotting({ status: 'OPEN', stageEnteredAt: AT }, proposal, AT)).toBe(0);
    expect(daysRotting({ status: 'WON', stageEnteredAt: old }, proposal, AT)).toBe(0);
    expect(daysRotting({ status: 'OPEN', stageEnteredAt: old }, { ...proposal, rottingDays: 0 }, AT)).toBe(0);
    expect(daysRotting({ status: 'OPEN', stageEnteredAt: old }, undefined, AT)).toBe(0);
  });
});
