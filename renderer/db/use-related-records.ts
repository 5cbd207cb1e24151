import type { CollectionDocs, CollectionName } from '@domain/collections';
import { useRxQuery } from './use-rx';

/** The most related records a drawer reads: past this, the list says "200+" and the record's own screen lists them all. */
export const RELATED_LIMIT = 200;

/** Related records of the kinds drawers list, each by the index whose first field links them. */
type RelatedLink =
  | { collection: 'leads'; field: 'contactId' }
  | { collection: 'deals'; field: 'contactId' | 'companyId' }
  | { collection: 'contacts'; field: 'companyId' }
  | { collection: 'activities'; field: 'companyId' | 'contactId' };

export interface RelatedRecords<C extends CollectionName> {
  docs: CollectionDocs[C][];
  loading: boolean;
  /** True when there are more than RELATED_LIMIT (only the newest are read). */
  capped: boolean;
}

/**
 * The live, not deleted records linked to `id` through `link`, newest first (activities by when they
 * happen or are due, others by creation), at most RELATED_LIMIT of them: the link's index narrows
 * the read to the record's own, and the limit bounds it for a company with thousands.
 */
export function useRelatedRecords<C extends RelatedLink['collection']>(
  link: RelatedLink & { collection: C },
  id: string,
): RelatedRecords<C> {
  const newest = link.collection === 'activities' ? 'dueAt' : 'createdAt';
  const { docs, loading } = useRxQuery(link.collection, {
    selector: { [link.field]: id, deletedAt: null },
    sort: [{ [newest]: 'desc' }],
    limit: RELATED_LIMIT + 1,
  } as never);
  const all = docs as unknown as CollectionDocs[C][];
  return { docs: all.slice(0, RELATED_LIMIT), loading, capped: all.length > RELATED_LIMIT };
}
