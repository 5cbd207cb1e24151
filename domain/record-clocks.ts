import { COLLECTION_SCHEMAS, type CollectionDocs, type CollectionName } from './collections';
import { domainError, type DomainError } from './errors';
import { MAX_CLOCK_DRIFT_MS, compareHlc, parseHlc } from './hlc';
import { DERIVED_FIELDS, SYSTEM_FIELDS } from './record-edits';
import type { LostEdit, RecordBase } from './schemas/record';

/**
 * Whether `field` can carry a clock of its own in `collection`: a field of the collection's schema
 * that users edit. System fields (id, hlc, clocks…) and derived keys (nameKey…) never do: edits
 * skip them and merges never compare them (record-edits.ts, merge.ts).
 */
export function isClockedField(collection: CollectionName, field: string): boolean {
  return (
    Object.prototype.hasOwnProperty.call(COLLECTION_SCHEMAS[collection].properties, field) &&
    !SYSTEM_FIELDS.has(field) &&
    !DERIVED_FIELDS.has(field)
  );
}

/**
 * Every per-field clock of a record must be one its writer could have made: the merge gives a
 * field to the later clock, so one clock in the year 33658, or on a field that does not exist,
 * would win every merge of that field on every device forever. So each `clocks[field]` is a clock
 * (HLC format), of an edited field of the collection, not after the record's own `hlc` (every edit
 * stamps both with one clock, and a merge stamps the record after all it merged) and not further
 * ahead of `nowMs` than the record's `hlc` may be. The `lostEdits` entries name edits the record's
 * merges replaced, so they obey the same: a clock, not after `hlc`, of an edited field.
 *
 * With `before` (the stored version), entries the write leaves exactly as they were are not judged
 * again: a record stored before this rule can still be edited, and its next edit of that field
 * replaces the bad clock.
 */
export function checkRecordClocks<C extends CollectionName>(
  collection: C,
  before: CollectionDocs[C] | null,
  after: CollectionDocs[C],
  nowMs: number,
): DomainError[] {
  const recordClock = parseHlc(after.hlc);
  if (!recordClock) {
    return [
      domainError('record.invalidFieldClock', `the record's hlc "${after.hlc}" is not a clock`, { field: 'hlc' }),
    ];
  }
  const errors: DomainError[] = [];
  const known = before?.clocks ?? {};
  for (const [field, clock] of Object.entries(after.clocks ?? {})) {
    if (Object.prototype.hasOwnProperty.call(known, field) && known[field] === clock) continue;
    const problem = clockProblem(collection, field, clock, after.hlc, nowMs);
    if (problem) errors.push(problem);
  }
  // Records of append-only collections have no `lostEdits` field at all (the schema refuses one).
  const knownLost = new Set(((before as RecordBase | null)?.lostEdits ?? []).map((e) => `${e.field}|${e.clock}`));
  for (const lost of ((after as RecordBase).lostEdits ?? []) as readonly LostEdit[]) {
    if (knownLost.has(`${lost.field}|${lost.clock}`)) continue;
    const problem = lostEditProblem(collection, lost, after.hlc);
    if (problem) errors.push(problem);
  }
  return errors;
}

function clockProblem(
  collection: CollectionName,
  field: string,
  clock: unknown,
  recordHlc: string,
  nowMs: number,
): DomainError | null {
  const at = `clocks.${field}`;
  if (!isClockedField(collection, field)) {
    return domainError('record.clockOfUnknownField', `${at}: "${field}" is not an edited field of ${collection}`, {
      field,
    });
  }
  const parsed = typeof clock === 'string' ? parseHlc(clock) : null;
  if (!parsed) return domainError('record.invalidFieldClock', `${at} is not a clock`, { field });
  if (compareHlc(clock as string, recordHlc) > 0) {
    return domainError('record.invalidFieldClock', `${at} is later than the record's hlc`, { field });
  }
  const drift = parsed.wallMs - nowMs;
  if (drift > MAX_CLOCK_DRIFT_MS) {
    return domainError(
      'record.clockAhead',
      `${at} is ${Math.round(drift / 60_000)} min ahead of the server; fix the device's date and time`,
      { field },
    );
  }
  return null;
}

function lostEditProblem(collection: CollectionName, lost: LostEdit, recordHlc: string): DomainError | null {
  const field = String(lost.field);
  if (!isClockedField(collection, field)) {
    return domainError('record.invalidLostEdit', `lostEdits: "${field}" is not an edited field of ${collection}`, {
      field,
    });
  }
  if (typeof lost.clock !== 'string' || !parseHlc(lost.clock)) {
    return domainError('record.invalidLostEdit', `lostEdits: the clock of ${field} is not a clock`, { field });
  }
  if (compareHlc(lost.clock, recordHlc) > 0) {
    return domainError('record.invalidLostEdit', `lostEdits: the clock of ${field} is later than the record's hlc`, {
      field,
    });
  }
  return null;
}
