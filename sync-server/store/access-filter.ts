import type { CollectionName } from '@domain/collections';
import type { AccessScope } from './store';

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
