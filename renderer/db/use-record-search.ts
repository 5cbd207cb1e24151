import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { RxCollection } from 'rxdb';
import type { CollectionDocs } from '@domain/collections';
import { isSearching, parseSearchQuery, type SearchableCollection } from '@domain/search-text';
import { searchIndexFor, type SearchOrder } from './record-search-index';
import { useWorkspace } from './workspace-context';

/** What a search shows above its results: preparing the index, or how many records match. */
export type SearchStatus = { state: 'preparing' } | { state: 'failed' } | { state: 'ready'; matches: number };

const NOTHING: readonly string[] = [];
const noChanges = () => () => {};

/** Ids of the records matching a search, in list order (or `order`), and the search's status. */
export interface SearchMatches {
  /** Null while not searching or while the index is prepared. */
  ids: readonly string[] | null;
  status: SearchStatus | null;
}

/**
 * The ids of the records matching what the person typed, in list order (or `order`), from the
 * collection's search index. Live: a record created, edited or synced after the index was built
 * is found (or dropped) as it changes. A query with nothing to look for builds no index and
 * returns `status` null.
 */
export function useSearchMatches<C extends SearchableCollection>(
  collection: C | null,
  search: string,
  order?: SearchOrder,
): SearchMatches {
  const { db } = useWorkspace();
  const query = useMemo(() => parseSearchQuery(search), [search]);
  const index = collection && isSearching(query) ? searchIndexFor(db, collection) : null;
  const version = useSyncExternalStore(index ? index.subscribe : noChanges, () => index?.version ?? 0);
  useEffect(() => index?.prepare(), [index]);

  const field = order?.field;
  const dir = order?.dir;
  const ids = useMemo(
    () => (index?.status === 'ready' ? index.search(query, field && dir ? { field, dir } : undefined) : null),
    // `version` changes whenever the index does: its results are recomputed then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, version, query, field, dir],
  );
  if (!index) return { ids: null, status: null };
  if (!ids) return { ids: null, status: { state: index.status === 'failed' ? 'failed' : 'preparing' } };
  return { ids, status: { state: 'ready', matches: ids.length } };
}

/**
 * The records matching what the person typed, in list order (or `order`): every match is
 * counted, and only the first `limit` are read from storage.
 */
export function useRecordSearch<C extends SearchableCollection>(
  collection: C,
  search: string,
  limit: number,
  order?: SearchOrder,
): { rows: CollectionDocs[C][]; loading: boolean; status: SearchStatus | null } {
  const { ids, status } = useSearchMatches(collection, search, order);
  const page = ids ? ids.slice(0, limit) : NOTHING;
  const { docs, loading } = useRecordsInOrder(collection, page);
  if (!status) return { rows: [], loading: false, status: null };
  if (!ids) return { rows: [], loading: true, status };
  return { rows: docs, loading, status };
}

/**
 * Records by id in the given order, live. While a new set of ids loads, the previous rows stay
 * on screen instead of the list blinking empty.
 */
function useRecordsInOrder<C extends SearchableCollection>(
  collection: C,
  ids: readonly string[],
): { docs: CollectionDocs[C][]; loading: boolean } {
  const { db } = useWorkspace();
  const key = ids.join(',');
  const [state, setState] = useState<{ key: string; docs: CollectionDocs[C][] }>({ key: '', docs: [] });
  useEffect(() => {
    if (!key) return;
    const rxCollection = db[collection] as unknown as RxCollection<CollectionDocs[C]>;
    const wanted = key.split(',');
    const subscription = rxCollection.findByIds(wanted).$.subscribe((byId) => {
      const docs: CollectionDocs[C][] = [];
      for (const id of wanted) {
        const doc = byId.get(id);
        if (doc) docs.push(doc.toJSON() as CollectionDocs[C]);
      }
      setState({ key, docs });
    });
    return () => subscription.unsubscribe();
  }, [db, collection, key]);
  if (!key) return { docs: [], loading: false };
  return { docs: state.docs, loading: state.key !== key };
}
