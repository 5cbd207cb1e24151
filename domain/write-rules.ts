import { definitionOf, type CollectionDocs, type CollectionName } from './collections';
import { canonicalJson } from './canonical-json';
import { domainError, type DomainError } from './errors';
import { checkRecordClocks } from './record-clocks';
import { checkStampedTime, checkTypedDate } from './record-times';
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
  const definition = definitionOf(collection);
  if (before) {
    if (definition.appendOnly && canonicalJson(stripSync(before)) !== canonicalJson(stripSync(after))) {
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
    ...(definition.checkWrite?.(before, after, lookups) ?? []),
  ];
}

/** Times every record carries, stamped by the device that writes it. */
const STAMPED_ON_EVERY_RECORD = ['createdAt', 'updatedAt', 'deletedAt'] as const;

/**
 * Every time and date of a record within its sane range (`before` is null for a new record): the
 * ones every record carries and its collection's `timeFields`. With `before`, only the fields the
 * write changes are judged, so a record stored before this rule can still be edited in its other
 * fields.
 */
export function checkRecordTimes<C extends CollectionName>(
  collection: C,
  before: CollectionDocs[C] | null,
  after: CollectionDocs[C],
  nowMs: number,
): DomainError[] {
  const a = after as unknown as Record<string, unknown>;
  const b = before as unknown as Record<string, unknown> | null;
  const changed = (field: string) => typeof a[field] === 'string' && (!b || b[field] !== a[field]);
  const fields = definitionOf(collection).timeFields;
  const errors: DomainError[] = [];
  for (const field of [...STAMPED_ON_EVERY_RECORD, ...(fields?.stamped ?? [])]) {
    const problem = changed(field) ? checkStampedTime(field, a[field] as string, nowMs) : null;
    if (problem) errors.push(problem);
  }
  for (const field of fields?.typed ?? []) {
    const problem = changed(field) ? checkTypedDate(field, a[field] as string, nowMs) : null;
    if (problem) errors.push(problem);
  }
  return errors;
}

function stripSync(doc: object): object {
  const { _meta, _rev, _attachments, _deleted, ...rest } = doc as Record<string, unknown>;
  void _meta;
  void _rev;
  void _attachments;
  void _deleted;
  return rest;
}
