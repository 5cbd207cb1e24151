import type { RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import { reversedSort } from '@domain/record-views/reversed-sort';
import type { MangoSelector, MangoSort } from '@domain/record-views/view-query';
import type { WindowReads } from './window-source';

/**
 * The storage's own count: RxDB's count() refuses a selector no index fully satisfies, and
 * `deletedAt: null` never is (docs/adr/0031-record-table-queries.md).
 */
export async function queryCount<C extends CollectionName>(
  collection: RxCollection<CollectionDocs[C]>,
  selector: MangoSelector,
): Promise<number> {
  const prepared = collection.find({ selector: selector as never }).getPreparedQuery();
  return (await collection.storageInstance.count(prepared)).count;
}

/**
 * Rows of the list as the storage has them, read in the storage worker without RxDB's query
 * object: `RxQuery.exec()` runs the query again, 20 ms later, whenever a write of the collection
 * landed while it ran, so during a first sync (a write every few hundred ms) a page asked for
 * answered only once the collection's writes paused, and a list showed no rows until then
 * (docs/adr/0044-first-sync-keeps-the-page-responsive.md). The rows are what `toJSON()` gives.
 */
async function storedRows<C extends CollectionName>(
  collection: RxCollection<CollectionDocs[C]>,
  query: { selector: MangoSelector; sort: MangoSort; skip?: number; limit?: number },
): Promise<CollectionDocs[C][]> {
  const prepared = collection.find(query as never).getPreparedQuery();
  const { documents } = await collection.storageInstance.query(prepared);
  return documents.map((stored) => {
    const { _rev: _r, _meta: _m, _deleted: _d, _attachments: _a, ...row } = stored as Record<string, unknown>;
    return row as CollectionDocs[C];
  });
}

/** A page of the list by skip/limit along the sort's index, run in the storage worker. */
export function queryReads<C extends CollectionName>(
  collection: RxCollection<CollectionDocs[C]>,
  selector: MangoSelector,
  sort: MangoSort,
): WindowReads<CollectionDocs[C]> {
  return {
    count: () => queryCount(collection, selector),
    rows: (skip, limit) => storedRows(collection, { selector, sort, skip, limit }),
    // Both directions of an indexed sort are index-served (descending-index-queries.ts), so the
    // reversed read walks only the rows between the window and the end.
    rowsFromEnd: async (skipFromEnd, limit) =>
      (await storedRows(collection, { selector, sort: reversedSort(sort), skip: skipFromEnd, limit })).reverse(),
    // Raw storage rows: no document objects are made for what only lends its id.
    ids: async () => {
      const prepared = collection.find({ selector: selector as never, sort: sort as never }).getPreparedQuery();
      const { documents } = await collection.storageInstance.query(prepared);
      return documents.map((d) => (d as unknown as { id: string }).id);
    },
  };
}
