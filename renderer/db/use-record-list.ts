import { useState } from 'react';
import { searchKey } from '@domain/derived-fields';
import type { CollectionDocs } from '@domain/collections';
import { useRxQuery } from './use-rx';

type ListCollection = 'companies' | 'contacts' | 'leads' | 'deals';
const SORT_KEY: Record<ListCollection, 'nameKey' | 'titleKey'> = {
  companies: 'nameKey',
  contacts: 'nameKey',
  leads: 'nameKey',
  deals: 'titleKey',
};

export const PAGE_SIZE = 50;

/**
 * A list page's records: not deleted, ordered by name through its index, searched by name
 * prefix, and read a page at a time — never the whole collection (IndexedDB is slow per record).
 */
export function useRecordList<C extends ListCollection>(collection: C, search: string) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const sortKey = SORT_KEY[collection];
  const key = searchKey(search);
  const { docs, loading } = useRxQuery(collection, {
    selector: { [sortKey]: key ? { $gte: key, $lt: `${key}\uffff` } : { $gte: '' }, deletedAt: null } as never,
    sort: [{ [sortKey]: 'asc' } as never],
    limit: limit + 1,
  });
  return {
    rows: docs.slice(0, limit) as CollectionDocs[C][],
    loading,
    canShowMore: docs.length > limit,
    showMore: () => setLimit((l) => l + PAGE_SIZE * 2),
  };
}
