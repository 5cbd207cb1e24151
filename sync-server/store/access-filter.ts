import type { CollectionName } from '@domain/collections';
import { removalStub } from '@domain/removal-stub';
import type { AccessScope, StoredRecord } from './store';

/** What a pull of one collection must filter on, worked out once before the query. */
export type AccessFilter =
  | { kind: 'everything' }
  | { kind: 'nothing' }
  | { kind: 'some'; ownerIds: readonly string[]; teamIds: readonly string[]; unowned: boolean };

export function accessFilterFor(collection: CollectionName, scope: AccessScope): AccessFilter {
  if (scope.kind === 'all' || scope.openCollections.includes(collection)) return { kind: 'everything' };
  const { ownerIds, teamIds, unowned } = scope;
  // Nothing can match: skip the query instead of scanning the collection's tail for no row.
  if (ownerIds.length === 0 && teamIds.length === 0 && !unowned) return { kind: 'nothing' };
  return { kind: 'some', ownerIds, teamIds, unowned };
}

/** Pull arguments come from a client's checkpoint: refuse nonsense before it reaches SQL. */
export function assertPullArguments(afterSeq: number, limit: number): void {
  if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) {
    throw new RangeError(`pull: afterSeq must be a non-negative integer, got ${String(afterSeq)}`);
  }
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`pull: limit must be a positive integer, got ${String(limit)}`);
  }
}

/** A row of the access-change log, as both adapters read it for a pull. */
export interface AccessChangeRow {
  seq: number;
  collection: CollectionName;
  id: string;
  oldHlc: string;
}

/**
 * The removal a device receives for a record that left its sight: the id and the last version it
 * could see, and nothing else of the record (domain/removal-stub.ts). The scope's current owners
 * and teams can include people who never saw the record (a supervisor whose team gained its former
 * owner), so what the record said must not travel with it.
 */
export function removalOf(change: AccessChangeRow): StoredRecord {
  const { _deleted, ...body } = removalStub(change.collection, change.id, change.oldHlc);
  void _deleted;
  return {
    collection: change.collection,
    id: change.id,
    seq: change.seq,
    hlc: change.oldHlc,
    deleted: true,
    ownerId: '',
    teamId: '',
    body: body as Record<string, unknown>,
  };
}

/**
 * One pull page from the visible records and the removals of the same seq range (each list in seq
 * order, each at most `limit` long, both read at or below `head`): the first `limit` of the two
 * in seq order. A full page resumes after its last entry; a short one at the head.
 */
export function mergePage(
  records: readonly StoredRecord[],
  removals: readonly StoredRecord[],
  limit: number,
  head: number,
): { records: StoredRecord[]; checkpoint: number; head: number } {
  const merged: StoredRecord[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < limit && (i < records.length || j < removals.length)) {
    const next =
      j >= removals.length || (i < records.length && records[i]!.seq < removals[j]!.seq)
        ? records[i++]!
        : removals[j++]!;
    merged.push(next);
  }
  const last = merged[merged.length - 1];
  return { records: merged, checkpoint: merged.length === limit && last ? last.seq : head, head };
}
