import { useState } from 'react';
import type { CollectionDocs } from '@domain/collections';
import type { SearchableCollection } from '@domain/search-text';
import { LIST_SORT_KEY, type SearchOrder } from './record-search-index';
import { useRecordSearch, type SearchStatus } from './use-record-search';
import { useRxQuery } from './use-rx';

export const PAGE_SIZE = 50;

export interface RecordList<T> {
  rows: T[];
  loading: boolean;
  canShowMore: boolean;
  showMore: () => void;
  /** Null while not searching; otherwise whether the search is preparing, and how many match. */
  search: SearchStatus | null;
}

/**
 * A list page's records, read a page at a time — never the whole collection (IndexedDB is slow
 * per record). Not searching, they come from the list's index ordered by name (or by `order`,
 * which RxDB sorts in memory over the records: fine for thousands, and the price of not indexing
 * every column, as each index costs seconds per 100k records on a first sync). Searching, they
 * come from the collection's search index (record-search-index.ts), in the same order.
 */
export function useRecordList<C extends SearchableCollection>(
  collection: C,
  search: string,
  order?: SearchOrder,
): RecordList<CollectionDocs[C]> {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const sortKey = LIST_SORT_KEY[collection];
  const found = useRecordSearch(collection, search, limit, order);
  const sort: Record<string, 'asc' | 'desc'>[] = [{ [order?.field ?? sortKey]: order?.dir ?? 'asc' }];
  if (order && order.field !== sortKey) sort.push({ [sortKey]: 'asc' });
  const listed = useRxQuery(
    collection,
    found.status
      ? null
      : {
          selector: { [sortKey]: { $gte: '' }, deletedAt: null } as never,
          sort: sort as never,
          limit: limit + 1,
        },
  );
  const showMore = () => setLimit((l) => l + PAGE_SIZE * 2);
  if (found.status) {
    const matches = found.status.state === 'ready' ? found.status.matches : 0;
    return { rows: found.rows, loading: found.loading, canShowMore: matches > limit, showMore, search: found.status };
  }
  return {
    rows: listed.docs.slice(0, limit) as CollectionDocs[C][],
    loading: listed.loading,
    canShowMore: listed.docs.length > limit,
    showMore,
    search: null,
  };
}
