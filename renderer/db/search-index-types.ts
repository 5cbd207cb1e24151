/** How a list orders its search matches: a field of its view and a direction. */
export interface SearchOrder {
  field: string;
  dir: 'asc' | 'desc';
}

export type SearchIndexState = 'idle' | 'building' | 'ready' | 'failed';

/** A company's name as the records linked to it see it: one object per company id, renamed in place. */
export interface CompanyName {
  name: string;
  /** `wordInitials` and `wordPairs` of the name. */
  initials: number;
  pairs: number;
}

/**
 * A condition of a list's filters the index answers with a search (list-filter.ts): a test of
 * each record's list sort key (name or title), and a key that names it (the same key, the same
 * test), so that a search typed on from the last one narrows it only under the same filter.
 */
export interface SlotFilter {
  key: string;
  sortKey: (value: string) => boolean;
}
