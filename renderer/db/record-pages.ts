import type { RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import type { Workspace } from './workspace';

/** What a list shows: a Mango selector and its sort, as the record table builds them. */
export interface RecordQuery {
  selector: Record<string, unknown>;
  sort?: Record<string, 'asc' | 'desc'>[];
}

/** Records per read: a page of a large workspace without holding every RxDocument at once. */
export const RECORD_PAGE_SIZE = 1000;

/**
 * The records a query matches, page after page in its order (id last, so pages never overlap or
 * skip a record), as plain data. Removed records are left out unless the selector asks for them.
 */
export async function* readRecordPages<C extends CollectionName>(
  ws: Workspace,
  collection: C,
  query: RecordQuery,
  pageSize = RECORD_PAGE_SIZE,
): AsyncGenerator<CollectionDocs[C][]> {
  const rx = ws.db[collection] as unknown as RxCollection<CollectionDocs[C]>;
  const selector = 'deletedAt' in query.selector ? query.selector : { ...query.selector, deletedAt: null };
  const sort = [...(query.sort ?? []), ...(query.sort?.some((s) => 'id' in s) ? [] : [{ id: 'asc' as const }])];
  for (let skip = 0; ; skip += pageSize) {
    const docs = await rx.find({ selector, sort, skip, limit: pageSize } as never).exec();
    if (docs.length) yield docs.map((doc) => doc.toJSON() as CollectionDocs[C]);
    if (docs.length < pageSize) return;
  }
}
