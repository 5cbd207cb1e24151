import type { CollectionDocs } from './collections';
import {
  markDealLost,
  markDealWon,
  moveDealToStage,
  reopenDeal,
  type DealMove,
  type StageChangeBody,
} from './deal-lifecycle';
import type { DomainErrorCode } from './errors';
import { changeLeadStatus } from './lead-lifecycle';
import { authorizeWrite, type Actor } from './permissions';
import type { Deal } from './schemas/deal';
import type { Lead, LeadStatus } from './schemas/lead';
import type { Pipeline } from './schemas/pipeline';
import type { IsoDateTime } from './time';

/** The record lists bulk actions apply to: the owned, tagged records of the sections. */
export type BulkCollection = 'leads' | 'deals' | 'contacts' | 'companies' | 'activities';

/** One change made to every selected record. */
export type BulkChange =
  | { kind: 'assignOwner'; ownerId: string }
  | { kind: 'leadStatus'; to: Exclude<LeadStatus, 'CONVERTED'>; reason?: string }
  | { kind: 'dealStage'; stageId: string }
  | { kind: 'dealStatus'; to: 'WON' | 'LOST' | 'OPEN'; reason?: string }
  | { kind: 'addTag'; tag: string }
  | { kind: 'removeTag'; tag: string }
  | { kind: 'delete' };

export type BulkChangeKind = BulkChange['kind'];

/** Which changes a collection takes: status and stage follow each record type's own rules. */
export const BULK_CHANGES: Readonly<Record<BulkCollection, readonly BulkChangeKind[]>> = {
  leads: ['assignOwner', 'leadStatus', 'addTag', 'removeTag', 'delete'],
  deals: ['assignOwner', 'dealStage', 'dealStatus', 'addTag', 'removeTag', 'delete'],
  contacts: ['assignOwner', 'addTag', 'removeTag', 'delete'],
  companies: ['assignOwner', 'addTag', 'removeTag', 'delete'],
  activities: ['assignOwner', 'delete'],
};

/**
 * Why a record was left as it was: `unchanged` when it already is what the change asks (the tag
 * is there, the owner is already that person), else the rule that refused it — `permission.denied`
 * or the state machine's code (`lead.transitionForbidden`, `deal.stageOfClosedDeal`…).
 */
export type BulkSkipReason = 'unchanged' | 'unsupported' | DomainErrorCode;

export interface BulkEdit<C extends BulkCollection> {
  id: string;
  patch: Partial<CollectionDocs[C]>;
  /** The same fields as they were: what one undo writes back. */
  previous: Partial<CollectionDocs[C]>;
  /** A deal's stage history entry for a stage or status move. */
  stageChange?: StageChangeBody;
}

export interface BulkPlan<C extends BulkCollection> {
  edits: BulkEdit<C>[];
  skipped: { id: string; reason: BulkSkipReason }[];
}

export interface BulkContext {
  actor: Actor;
  at: IsoDateTime;
  /** The pipelines deals belong to, by id (stage moves only). */
  pipelines?: ReadonlyMap<string, Pipeline>;
}

type Outcome<C extends BulkCollection> =
  { patch: Partial<CollectionDocs[C]>; stageChange?: StageChangeBody } | { skip: BulkSkipReason };

/**
 * What one change does to each record: the patch of those it changes, and the others with the
 * reason they were left — the same rules the server judges the writes by (the permission table
 * through `authorizeWrite`, the lead and deal state machines), so what the UI writes is accepted.
 */
export function planBulkEdit<C extends BulkCollection>(
  collection: C,
  records: readonly CollectionDocs[C][],
  change: BulkChange,
  ctx: BulkContext,
): BulkPlan<C> {
  const plan: BulkPlan<C> = { edits: [], skipped: [] };
  const offered = BULK_CHANGES[collection].includes(change.kind);
  for (const record of records) {
    const outcome: Outcome<C> = offered ? outcomeOf(collection, record, change, ctx) : { skip: 'unsupported' };
    if ('skip' in outcome) {
      plan.skipped.push({ id: record.id, reason: outcome.skip });
      continue;
    }
    const after = { ...record, ...outcome.patch } as CollectionDocs[C];
    const denied = authorizeWrite(ctx.actor, collection, record, after);
    if (denied.length > 0) {
      plan.skipped.push({ id: record.id, reason: 'permission.denied' });
      continue;
    }
    const previous = Object.fromEntries(
      Object.keys(outcome.patch).map((field) => [field, (record as Record<string, unknown>)[field]]),
    ) as Partial<CollectionDocs[C]>;
    plan.edits.push({
      id: record.id,
      patch: outcome.patch,
      previous,
      ...(outcome.stageChange ? { stageChange: outcome.stageChange } : {}),
    });
  }
  return plan;
}

function outcomeOf<C extends BulkCollection>(
  collection: C,
  record: CollectionDocs[C],
  change: BulkChange,
  ctx: BulkContext,
): Outcome<C> {
  switch (change.kind) {
    case 'assignOwner':
      return record.ownerId === change.ownerId
        ? { skip: 'unchanged' }
        : { patch: { ownerId: change.ownerId } as Partial<CollectionDocs[C]> };
    case 'addTag': {
      const tags = (record as { tags: string[] }).tags;
      const tag = change.tag.trim();
      if (tags.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase())) return { skip: 'unchanged' };
      return { patch: { tags: [...tags, tag] } as unknown as Partial<CollectionDocs[C]> };
    }
    case 'removeTag': {
      const tags = (record as { tags: string[] }).tags;
      const key = change.tag.trim().toLocaleLowerCase();
      const kept = tags.filter((t) => t.toLocaleLowerCase() !== key);
      return kept.length === tags.length
        ? { skip: 'unchanged' }
        : { patch: { tags: kept } as unknown as Partial<CollectionDocs[C]> };
    }
    case 'delete':
      return record.deletedAt ? { skip: 'unchanged' } : { patch: { deletedAt: ctx.at } as Partial<CollectionDocs[C]> };
    case 'leadStatus': {
      const lead = record as Lead;
      if (lead.status === change.to) return { skip: 'unchanged' };
      const result = changeLeadStatus(lead, change.to, ctx.at, change.reason ?? '');
      return result.ok ? { patch: result.value as Partial<CollectionDocs[C]> } : { skip: result.errors[0]!.code };
    }
    case 'dealStage':
    case 'dealStatus':
      return dealOutcome(collection, record as Deal, change, ctx);
  }
}

function dealOutcome<C extends BulkCollection>(
  _collection: C,
  deal: Deal,
  change: Extract<BulkChange, { kind: 'dealStage' | 'dealStatus' }>,
  ctx: BulkContext,
): Outcome<C> {
  const by = ctx.actor.id;
  let result;
  if (change.kind === 'dealStage') {
    const pipeline = ctx.pipelines?.get(deal.pipelineId);
    if (!pipeline) return { skip: 'deal.unknownPipeline' };
    result = moveDealToStage(deal, pipeline, change.stageId, ctx.at, by);
  } else {
    if (deal.status === change.to) return { skip: 'unchanged' };
    result =
      change.to === 'WON'
        ? markDealWon(deal, ctx.at, by)
        : change.to === 'LOST'
          ? markDealLost(deal, change.reason ?? '', ctx.at, by)
          : reopenDeal(deal, ctx.at, by);
  }
  if (!result.ok) return { skip: result.errors[0]!.code };
  const move: DealMove | null = result.value;
  if (!move) return { skip: 'unchanged' };
  return {
    patch: move.patch as Partial<CollectionDocs[C]>,
    ...(move.change ? { stageChange: move.change } : {}),
  };
}

/** "48 updated, 2 skipped": the skipped records counted by reason, most frequent first. */
export function skippedByReason(
  skipped: BulkPlan<BulkCollection>['skipped'],
): { reason: BulkSkipReason; count: number }[] {
  const counts = new Map<BulkSkipReason, number>();
  for (const { reason } of skipped) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}
