import { APPEND_ONLY_COLLECTIONS, type CollectionDocs, type CollectionName } from './collections';
import { canonicalJson } from './canonical-json';
import { checkDealWrite } from './deal-lifecycle';
import { domainError, type DomainError } from './errors';
import { checkLeadWrite } from './lead-lifecycle';
import { checkPipelineWrite } from './pipeline-rules';
import { checkRecordClocks } from './record-clocks';
import { checkRecordTimes } from './record-times';
import type { Pipeline } from './schemas/pipeline';

/** What a write check may need to look up besides the record itself. */
export interface WriteLookups {
  pipeline(id: string): Pipeline | undefined;
  /** Now, in ms since the epoch: the server's clock (or the device's, for a check in the UI). */
  nowMs: number;
  /** Whether a pipeline `pipeline()` does not know may still be on its way (DealWriteContext). */
  pipelineMayBePending: boolean;
}

/**
 * The clock, time, state-machine and invariant checks for one write, shared by the server (which
 * refuses the row) and the UI (which refuses the action before it is queued). Schema validity is
 * checked separately, against the same JSON schemas.
 */
export function checkRecordWrite<C extends CollectionName>(
  collection: C,
  before: CollectionDocs[C] | null,
  after: CollectionDocs[C],
  lookups: WriteLookups,
): DomainError[] {
  // First: a record whose clocks are forged would win merges whatever else is right with it.
  const clockErrors = checkRecordClocks(collection, before, after, lookups.nowMs);
  if (clockErrors.length) return clockErrors;
  if (before) {
    if (
      APPEND_ONLY_COLLECTIONS.has(collection) &&
      canonicalJson(stripSync(before)) !== canonicalJson(stripSync(after))
    ) {
      return [domainError('record.appendOnly', 'this record is history and cannot be changed')];
    }
    for (const field of ['createdAt', 'createdBy'] as const) {
      if (before[field] !== after[field]) {
        return [domainError('record.immutableField', `${field} cannot change`, { field })];
      }
    }
  }
  return [
    ...checkRecordTimes(collection, before, after, lookups.nowMs),
    ...checkCollectionRules(collection, before, after, lookups),
  ];
}

function checkCollectionRules<C extends CollectionName>(
  collection: C,
  before: CollectionDocs[C] | null,
  after: CollectionDocs[C],
  lookups: WriteLookups,
): DomainError[] {
  switch (collection) {
    case 'leads':
      return checkLeadWrite(before as CollectionDocs['leads'] | null, after as CollectionDocs['leads']);
    case 'deals': {
      const deal = after as CollectionDocs['deals'];
      return checkDealWrite(before as CollectionDocs['deals'] | null, deal, lookups.pipeline(deal.pipelineId), lookups);
    }
    case 'pipelines':
      return checkPipelineWrite(after as CollectionDocs['pipelines']);
    default:
      return [];
  }
}

function stripSync(doc: object): object {
  const { _meta, _rev, _attachments, _deleted, ...rest } = doc as Record<string, unknown>;
  void _meta;
  void _rev;
  void _attachments;
  void _deleted;
  return rest;
}
