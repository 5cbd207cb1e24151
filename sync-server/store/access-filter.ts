import type { CollectionName } from '@domain/collections';
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

/** A row of the access-change log, as both adapters read it. */
export interface AccessChangeRow {
  seq: number;
  collection: CollectionName;
  id: string;
  oldOwnerId: string;
  oldTeamId: string;
  oldHlc: string;
  oldBody: string;
}

/** The removal a device receives for a record that left its sight: the last version it could see. */
export function removalOf(change: AccessChangeRow): StoredRecord {
  return {
    collection: change.collection,
    id: change.id,
    seq: change.seq,
    hlc: change.oldHlc,
    deleted: true,
    ownerId: change.oldOwnerId,
    teamId: change.oldTeamId,
    body: JSON.parse(change.oldBody) as Record<string, unknown>,
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
