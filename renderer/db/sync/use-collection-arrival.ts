import { useEffect } from 'react';
import type { CollectionName } from '@domain/collections';
import type { SyncStatus } from './sync-engine';
import type { CollectionProgress } from './sync-progress';
import { useSyncSelection } from './sync-value';

function arrivalOf(status: SyncStatus | null, collection: CollectionName): CollectionProgress | null {
  const found = status?.progress?.collections.find((c) => c.collection === collection);
  return found && !found.done ? found : null;
}

const sameArrival = (a: CollectionProgress | null, b: CollectionProgress | null) =>
  a === b || (!!a && !!b && a.received === b.received && a.total === b.total);

/** While `collection` arrives, the sync writes its pages before other records' (SyncEngine.want). */
function useWantedWhileArriving(collection: CollectionName, arriving: boolean): void {
  const engine = useSyncSelection((sync) => sync.engine);
  useEffect(() => (engine && arriving ? engine.want(collection) : undefined), [engine, arriving, collection]);
}

/**
 * How far `collection` has arrived while a long sync still brings it, or null when it is all here
 * (or no sync runs): a list says so rather than take what is missing for absent. Meanwhile the sync
 * writes what arrives of it before other records: what is on screen fills first. Drawn again when
 * its own counts change, not at every page of another collection.
 */
export function useCollectionArrival(collection: CollectionName): CollectionProgress | null {
  const arriving = useSyncSelection((sync) => arrivalOf(sync.status, collection), sameArrival);
  useWantedWhileArriving(collection, arriving !== null);
  return arriving;
}

/** Whether `collection` is still arriving (as useCollectionArrival), drawn again only when that changes. */
export function useCollectionArriving(collection: CollectionName): boolean {
  const arriving = useSyncSelection((sync) => arrivalOf(sync.status, collection) !== null);
  useWantedWhileArriving(collection, arriving);
  return arriving;
}
