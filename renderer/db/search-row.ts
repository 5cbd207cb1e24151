import type { CollectionDocs } from '@domain/collections';
import { companySearchName, searchTextOf, type SearchableCollection } from '@domain/search-text';

/** The field each list is ordered by (its index), and so the order search results come in. */
export const LIST_SORT_KEY = {
  companies: 'nameKey',
  contacts: 'nameKey',
  leads: 'nameKey',
  deals: 'titleKey',
} as const satisfies Record<SearchableCollection, string>;

/** Other columns a list can be ordered by while searching: their values are kept in the index. */
const ORDER_FIELDS: { [C in SearchableCollection]?: (doc: CollectionDocs[C]) => Record<string, string | number> } = {
  deals: (d) => ({ 'value.amount': d.value.amount, expectedCloseDate: d.expectedCloseDate, status: d.status }),
};

/**
 * What a search index keeps of one record: small, so that 100k of them cross from the storage
 * worker in a few messages instead of as 100k whole records.
 */
export interface SearchRow {
  id: string;
  sortKey: string;
  /** domain/search-text.ts `SearchText`. */
  words: string;
  phones: string;
  companyId: string;
  /** False for a record in the bin (soft-deleted): not in the list. */
  listed: boolean;
  /** The values of the other columns the list can be ordered by while searching, or null. */
  order: Record<string, string | number> | null;
  /** Companies only: the name the records linked to it are found by (`companySearchName`). */
  companyName: string;
}

/** The search row of a stored record of a searchable collection. */
export function searchRowOf<C extends SearchableCollection>(
  collection: C,
  doc: CollectionDocs[C] & { deletedAt?: string | null },
): SearchRow {
  const text = searchTextOf(collection, doc);
  const orderOf = ORDER_FIELDS[collection] as ((d: CollectionDocs[C]) => Record<string, string | number>) | undefined;
  return {
    id: doc.id,
    sortKey: String((doc as Record<string, unknown>)[LIST_SORT_KEY[collection]] ?? ''),
    words: text.words,
    phones: text.phones,
    companyId: text.companyId,
    listed: !doc.deletedAt,
    order: orderOf ? orderOf(doc) : null,
    companyName: collection === 'companies' ? companySearchName(doc as CollectionDocs['companies']) : '',
  };
}

export function isSearchable(collection: string): collection is SearchableCollection {
  return Object.hasOwn(LIST_SORT_KEY, collection);
}
