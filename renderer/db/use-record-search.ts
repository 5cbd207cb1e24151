import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { isSearching, parseSearchQuery, type SearchableCollection } from '@domain/search-text';
import { type SearchOrder, type SlotFilter } from './record-search-index';
import { searchIndexFor } from './search-index-for';
import { useWorkspace } from './workspace-context';

/** What a search shows above its results: preparing the index, or how many records match. */
export type SearchStatus = { state: 'preparing' } | { state: 'failed' } | { state: 'ready'; matches: number };

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
 * returns `status` null. With `filter` (a view's filters the index answers, list-filter.ts), the
 * ids are the records that also pass it — without a query too, with `status` null then, and
 * `ids` null until the index is ready (the list reads its storage meanwhile).
 */
export function useSearchMatches<C extends SearchableCollection>(
  collection: C | null,
  search: string,
  order?: SearchOrder,
  filter?: SlotFilter,
): SearchMatches {
  const { db } = useWorkspace();
  const query = useMemo(() => parseSearchQuery(search), [search]);
  const searching = isSearching(query);
  const index = collection && (searching || filter) ? searchIndexFor(db, collection) : null;
  const version = useSyncExternalStore(index ? index.subscribe : noChanges, () => index?.version ?? 0);
  useEffect(() => index?.prepare(), [index]);

  const field = order?.field;
  const dir = order?.dir;
  const ids = useMemo(
    () => (index?.status === 'ready' ? index.search(query, field && dir ? { field, dir } : undefined, filter) : null),
    // `version` changes whenever the index does: its results are recomputed then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, version, query, field, dir, filter],
  );
  if (!index) return { ids: null, status: null };
  if (!searching) return { ids, status: null };
  if (!ids) return { ids: null, status: { state: index.status === 'failed' ? 'failed' : 'preparing' } };
  return { ids, status: { state: 'ready', matches: ids.length } };
}

/** How long after a list opens its search index starts building, when the page is idle by then. */
export const PREPARE_SEARCH_AFTER_MS = 1000;

/**
 * Builds the list's search index in the background soon after the list opens, so that the first
 * key typed into its search finds an index ready instead of waiting seconds for it on a large
 * workspace (100k contacts: the rows come from the storage worker, a few strings each).
 */
export function useSearchPreparedAhead(collection: SearchableCollection | null): void {
  const { db } = useWorkspace();
  useEffect(() => {
    if (!collection) return;
    let idle: number | null = null;
    const timer = setTimeout(() => {
      const start = () => searchIndexFor(db, collection).prepare();
      // No deadline: while the page is busy (a first sync writing), the build waits for it.
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(start);
      else start();
    }, PREPARE_SEARCH_AFTER_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, [db, collection]);
}
