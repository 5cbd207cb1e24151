import { domainError, fail, ok, type DomainError, type Result } from './errors';
import { scaleMoney, type Money } from './money';
import { adjacentStage, findStage } from './pipeline-rules';
import { MAX_DEAL_TITLE_LENGTH, type Deal, type DealStatus } from './schemas/deal';
import type { Pipeline, Stage } from './schemas/pipeline';
import type { StageChange } from './schemas/stage-change';
import { checkTypedDate } from './record-times';
import { daysBetween, isIsoDate, type IsoDateTime } from './time';

/** OPEN deals close as WON or LOST; a closed deal can be reopened. */
export const DEAL_TRANSITIONS: Readonly<Record<DealStatus, readonly DealStatus[]>> = {
  OPEN: ['WON', 'LOST'],
  WON: ['OPEN'],
  LOST: ['OPEN'],
};

export function canTransitionDeal(from: DealStatus, to: DealStatus): boolean {
  return from === to || DEAL_TRANSITIONS[from].includes(to);
}

/** What a move writes: the deal's changed fields and the stage-change record to append. */
export interface DealMove {
  patch: Partial<Deal>;
  /** Null for a reorder within the same stage: no stage history to record. */
  change: StageChangeBody | null;
}

export type StageChangeBody = Omit<
  StageChange,
  'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'hlc' | 'clocks' | 'deletedAt'
>;

function changeRecord(
  deal: Deal,
  to: { stageId: string; status: DealStatus },
  at: IsoDateTime,
  by: string,
): StageChangeBody {
  return {
    dealId: deal.id,
    pipelineId: deal.pipelineId,
    fromStageId: deal.stageId,
    toStageId: to.stageId,
    fromStatus: deal.status,
    toStatus: to.status,
    at,
    by,
    ownerId: deal.ownerId,
    teamId: deal.teamId,
  };
}

/** The first history entry of a deal: created in its stage. */
export function dealCreatedChange(deal: Deal, at: IsoDateTime, by: string): StageChangeBody {
  return {
    ...changeRecord(deal, { stageId: deal.stageId, status: deal.status }, at, by),
    fromStageId: '',
    fromStatus: '',
  };
}

export function moveDealToStage(
  deal: Deal,
  pipeline: Pipeline,
  stageId: string,
  at: IsoDateTime,
  by: string,
  rank?: string,
): Result<DealMove | null> {
  if (deal.status !== 'OPEN') {
    return fail(
      domainError('deal.stageOfClosedDeal', `a ${deal.status} deal cannot change stage; reopen it first`, {
        status: deal.status,
      }),
    );
  }
  const stage = findStage(pipeline, stageId);
  if (!stage) return fail(domainError('deal.unknownStage', 'that stage is not in the deal’s pipeline'));
  if (stage.retired)
    return fail(domainError('deal.retiredStage', `stage "${stage.name}" is retired`, { stage: stage.name }));
  if (stageId === deal.stageId) return ok(rank && rank !== deal.rank ? { patch: { rank }, change: null } : null);
  return ok({
    patch: { stageId, stageEnteredAt: at, ...(rank ? { rank } : {}) },
    change: changeRecord(deal, { stageId, status: 'OPEN' }, at, by),
  });
}

/** `]` and `[` on the board: the next or previous active stage, or a clear refusal at the ends. */
export function stepDealStage(
  deal: Deal,
  pipeline: Pipeline,
  step: -1 | 1,
  at: IsoDateTime,
  by: string,
): Result<DealMove | null> {
  const target = adjacentStage(pipeline, deal.stageId, step);
  if (!target) return ok(null);
  return moveDealToStage(deal, pipeline, target.id, at, by);
}

export function markDealWon(deal: Deal, at: IsoDateTime, by: string): Result<DealMove> {
  if (!canTransitionDeal(deal.status, 'WON') || deal.status === 'WON')
    return fail(dealTransitionError(deal.status, 'WON'));
  return ok({
    patch: { status: 'WON', closedAt: at, lostReason: '' },
    change: changeRecord(deal, { stageId: deal.stageId, status: 'WON' }, at, by),
  });
}

export function markDealLost(deal: Deal, reason: string, at: IsoDateTime, by: string): Result<DealMove> {
  if (!canTransitionDeal(deal.status, 'LOST') || deal.status === 'LOST')
    return fail(dealTransitionError(deal.status, 'LOST'));
  if (!reason.trim()) return fail(domainError('deal.lostReasonRequired', 'a lost deal needs a reason'));
  return ok({
    patch: { status: 'LOST', closedAt: at, lostReason: reason.trim() },
    change: changeRecord(deal, { stageId: deal.stageId, status: 'LOST' }, at, by),
  });
}

export function reopenDeal(deal: Deal, at: IsoDateTime, by: string): Result<DealMove> {
  if (deal.status === 'OPEN') return fail(dealTransitionError('OPEN', 'OPEN'));
  return ok({
    patch: { status: 'OPEN', closedAt: null, lostReason: '', stageEnteredAt: at },
    change: changeRecord(deal, { stageId: deal.stageId, status: 'OPEN' }, at, by),
  });
}

function dealTransitionError(from: DealStatus, to: DealStatus): DomainError {
  return domainError('deal.transitionForbidden', `a deal cannot go from ${from} to ${to}`, { from, to });
}

type DealFields = Pick<Deal, 'title' | 'value' | 'expectedCloseDate'>;

/**
 * What a deal's own fields must hold, whoever writes them: a title that is more than spaces and
 * not too long, a value of zero or more, and an expected close date that is a real day of the
 * calendar between 1970 and 50 years from `nowMs` (or none). The JSON schema checks shapes only:
 * "   ", 2026-02-30 and 9999-12-31 have the right shape. With `before`, only the fields the write
 * changes are checked, so a deal stored before a rule existed can still be edited in its other fields.
 */
export function checkDealFields(after: DealFields, before: DealFields | null, nowMs: number): DomainError[] {
  const errors: DomainError[] = [];
  if (!before || before.title !== after.title) {
    if (!after.title.trim()) errors.push(domainError('deal.titleRequired', 'a deal needs a title'));
    else if ([...after.title].length > MAX_DEAL_TITLE_LENGTH) {
      errors.push(
        domainError('deal.titleTooLong', `a deal title has at most ${MAX_DEAL_TITLE_LENGTH} characters`, {
          max: MAX_DEAL_TITLE_LENGTH,
        }),
      );
    }
  }
  const valueChanged =
    !before || before.value.amount !== after.value.amount || before.value.currency !== after.value.currency;
  if (valueChanged && after.value.amount < 0) {
    errors.push(domainError('deal.negativeValue', 'a deal’s value cannot be negative'));
  }
  if ((!before || before.expectedCloseDate !== after.expectedCloseDate) && after.expectedCloseDate !== '') {
    const date = after.expectedCloseDate;
    if (!isIsoDate(date)) {
      errors.push(domainError('deal.invalidCloseDate', `${date} is not a date of the calendar`, { date }));
    } else {
      const outOfRange = checkTypedDate('expectedCloseDate', date, nowMs);
      if (outOfRange) errors.push(outOfRange);
    }
  }
  return errors;
}

/** What a deal write is judged against besides the deal and its pipeline. */
export interface DealWriteContext {
  /** Now, in ms since the epoch: the server's clock, or the device's in a form. */
  nowMs: number;
  /**
   * True when the pipeline may exist only on the writer's device so far: they may create and edit
   * pipelines, and collections sync independently, so a deal can reach the server before the new
   * pipeline it belongs to. Everyone else only has pipelines the server sent them.
   */
  pipelineMayBePending: boolean;
}

/**
 * Every rule a stored deal must satisfy (`before` is null for a new deal). Status and stage moves
 * are not checked step by step: an offline session can reopen, move and close a deal, and the
 * server sees only the result; every status is reachable from every other. What must hold is the
 * final state: its own fields (checkDealFields), a reason for a loss, a close time for a closed
 * deal and none for an open one, a pipeline that exists, a real active stage of it for a deal
 * that moved, and one currency across its lines.
 *
 * The deal's currency may differ from its pipeline's: the pipeline's is the default for new deals,
 * and every total sums by currency (docs/adr/0021-write-validation.md).
 */
export function checkDealWrite(
  before: Deal | null,
  after: Deal,
  pipeline: Pipeline | undefined,
  context: DealWriteContext,
): DomainError[] {
  const errors: DomainError[] = checkDealFields(after, before, context.nowMs);
  if (after.status === 'LOST' && !after.lostReason.trim()) {
    errors.push(domainError('deal.lostReasonRequired', 'a lost deal needs a reason'));
  }
  if (after.status !== 'OPEN' && !after.closedAt) {
    errors.push(domainError('deal.closedAtRequired', 'a closed deal needs its close time'));
  }
  if (after.status === 'OPEN' && after.closedAt !== null) {
    errors.push(domainError('deal.closedAtOfOpenDeal', 'an open deal has no close time'));
  }
  const pipelineMoved = !before || before.pipelineId !== after.pipelineId;
  const stageMoved = pipelineMoved || before.stageId !== after.stageId;
  if (!pipeline && pipelineMoved && !context.pipelineMayBePending) {
    errors.push(domainError('deal.unknownPipeline', 'that pipeline does not exist'));
  }
  if (pipeline && stageMoved) {
    const stage = findStage(pipeline, after.stageId);
    if (!stage) errors.push(domainError('deal.unknownStage', 'that stage is not in the deal’s pipeline'));
    else if (stage.retired) {
      errors.push(domainError('deal.retiredStage', `stage "${stage.name}" is retired`, { stage: stage.name }));
    }
  }
  const currencies = new Set([after.value.currency, ...after.lines.map((l) => l.unitPrice.currency)]);
  if (currencies.size > 1) {
    errors.push(domainError('money.currencyMismatch', 'deal lines must be in the deal’s currency'));
  }
  return errors;
}

/**
 * Whether a deal's status decides this field, so that a person cannot set it until the deal is
 * reopened: a closed deal's probability is 100 once won and 0 once lost (effectiveProbability),
 * and it stays in the pipeline and stage it closed in (moveDealToStage: another pipeline is
 * another stage). Its other fields stay editable.
 */
export function dealFieldFixedByStatus(deal: Pick<Deal, 'status'>, field: keyof Deal): boolean {
  return deal.status !== 'OPEN' && (field === 'probability' || field === 'stageId' || field === 'pipelineId');
}

/** The deal's close probability: its own, else its stage's; 100 once won, 0 once lost. */
export function effectiveProbability(deal: Pick<Deal, 'probability' | 'status'>, stage: Stage | undefined): number {
  if (deal.status === 'WON') return 100;
  if (deal.status === 'LOST') return 0;
  return deal.probability ?? stage?.probability ?? 0;
}

export function weightedValue(deal: Pick<Deal, 'probability' | 'status' | 'value'>, stage: Stage | undefined): Money {
  return scaleMoney(deal.value, effectiveProbability(deal, stage) / 100);
}

/** Days the deal has sat in its stage beyond the stage's rotting threshold; 0 when fresh. */
export function daysRotting(
  deal: Pick<Deal, 'status' | 'stageEnteredAt'>,
  stage: Stage | undefined,
  now: IsoDateTime,
): number {
  if (deal.status !== 'OPEN' || !stage || stage.rottingDays <= 0) return 0;
  return Math.max(0, daysBetween(deal.stageEnteredAt, now) - stage.rottingDays);
}
