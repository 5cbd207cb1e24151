import { useEffect } from 'react';
import type { CollectionName } from '@domain/collections';
import { useSync } from './sync-context';
import type { CollectionProgress } from './sync-progress';

/**
 * How far `collection` has arrived while a long sync still brings it, or null when it is all here
 * (or no sync runs): a list says so rather than take what is missing for absent. Meanwhile the sync
 * writes what arrives of it before other records (SyncEngine.want): what is on screen fills first.
 */
export function useCollectionArrival(collection: CollectionName): CollectionProgress | null {
  const { engine, status } = useSync();
  const found = status?.progress?.collections.find((c) => c.collection === collection);
  const arriving = found && !found.done ? found : null;
  const wanted = arriving !== null;
  useEffect(() => (engine && wanted ? engine.want(collection) : undefined), [engine, wanted, collection]);
  return arriving;
}
