import type { RxCollection } from 'rxdb';
import { ListCount } from './list-count';

/** Counts kept per collection: the selectors a person goes back and forth between. */
const KEPT_PER_COLLECTION = 8;

interface KeptCounts {
  counts: Map<string, ListCount>;
}

const kept = new WeakMap<RxCollection, KeptCounts>();

/**
 * The count of `selectorKey` (a selector as JSON) on `collection`, kept while the page lives: a
 * filter applied and cleared again finds the list's count at once instead of counting the whole
 * collection once more (seconds on 100k records, in the storage worker, while the rows it shows
 * wait behind it). Any change of the collection marks every kept count stale, so the next list to
 * show one counts again (showing the kept number meanwhile, as a list does between a change and
 * its count). The last few selectors of each collection are kept.
 */
export function sharedListCount(collection: RxCollection, selectorKey: string, read: () => Promise<number>): ListCount {
  let entry = kept.get(collection);
  if (!entry) {
    const counts = new Map<string, ListCount>();
    // Bulks, not `collection.$` (docs/adr/0043-change-events-without-rxdb-cache.md).
    collection.eventBulks$.subscribe(() => {
      for (const count of counts.values()) count.invalidate();
    });
    entry = { counts };
    kept.set(collection, entry);
  }
  const { counts } = entry;
  let count = counts.get(selectorKey);
  if (count) {
    // The most recently used last: the first is the one to let go.
    counts.delete(selectorKey);
  } else {
    count = new ListCount(read);
    if (counts.size >= KEPT_PER_COLLECTION) counts.delete(counts.keys().next().value!);
  }
  counts.set(selectorKey, count);
  return count;
}
