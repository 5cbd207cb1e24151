import type { CollectionName } from '@domain/collections';
import { useSync } from './sync-context';
import type { CollectionProgress } from './sync-progress';

/**
 * How far `collection` has arrived while a long sync still brings it, or null when it is all here
 * (or no sync runs): a list says so rather than take what is missing for absent.
 */
export function useCollectionArrival(collection: CollectionName): CollectionProgress | null {
  const { status } = useSync();
  const arriving = status?.progress?.collections.find((c) => c.collection === collection);
  return arriving && !arriving.done ? arriving : null;
}
