import type { RxCollection } from 'rxdb';
import type { CollectionDocs } from '@domain/collections';
import type { SearchableCollection } from '@domain/search-text';
import { LIST_SORT_KEY, searchRowOf, type SearchRow } from './search-row';
import { SEARCH_ROWS_METHOD, type SearchRowsPage, type SearchRowsRequest } from './storage/search-rows';

/** Records read from storage per page while an index is built; the UI gets the thread between pages. */
export const INDEX_PAGE_SIZE = 1000;
/** Search rows asked of the storage worker per message: each a few short strings, not a record. */
export const ROW_PAGE_SIZE = 5000;

export type StoredDoc = Record<string, unknown> & { id: string; _deleted?: boolean; deletedAt?: string | null };

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The storage instance beneath RxDB's wrappers (dev mode's validation), which may answer search rows. */
function searchRowSource(collection: RxCollection): ((request: SearchRowsRequest) => Promise<SearchRowsPage>) | null {
  type Instance = Record<string, unknown> & { originalStorageInstance?: Instance };
  let instance = (collection as unknown as { internalStorageInstance: Instance }).internalStorageInstance;
  while (instance.originalStorageInstance) instance = instance.originalStorageInstance;
  const own = instance[SEARCH_ROWS_METHOD];
  if (typeof own === 'function')
    return (request) => (own as (r: SearchRowsRequest) => Promise<SearchRowsPage>).call(instance, request);
  // The app's storage worker (storage/with-indexed-reads.ts) answers it by name.
  const remote = instance.requestRemote;
  if (typeof remote === 'function') {
    return (request) =>
      (remote as (method: string, params: unknown[]) => Promise<SearchRowsPage>).call(instance, SEARCH_ROWS_METHOD, [
        request,
      ]);
  }
  return null;
}

/**
 * Every record's search row (the binned too, not the removed), in list order, a page at a time with
 * a task between pages for the UI. Computed in the storage worker where the storage offers it —
 * ROW_PAGE_SIZE small rows per message —, else from the records read here (listPages).
 */
export async function* searchRowPages<C extends SearchableCollection>(
  collection: RxCollection<CollectionDocs[C]>,
  name: C,
): AsyncGenerator<SearchRow[]> {
  const source = searchRowSource(collection as unknown as RxCollection);
  if (!source) {
    yield* searchRowPagesFromRecords(collection, name);
    return;
  }
  let after: SearchRowsRequest['after'] = null;
  for (;;) {
    let page: SearchRowsPage;
    try {
      page = await source({ after, limit: ROW_PAGE_SIZE });
    } catch (error) {
      // A remote storage that does not know the method (not the app's worker): read the records.
      if (after) throw error;
      console.warn(`The storage computes no search rows for ${name}; reading its records instead`, error);
      yield* searchRowPagesFromRecords(collection, name);
      return;
    }
    const { rows, done } = page;
    yield rows;
    const last = rows[rows.length - 1];
    if (done || !last) return;
    after = { sortKey: last.sortKey, id: last.id };
    await nextTask();
  }
}

/** Search rows made here from the records read (listPages). */
async function* searchRowPagesFromRecords<C extends SearchableCollection>(
  collection: RxCollection<CollectionDocs[C]>,
  name: C,
): AsyncGenerator<SearchRow[]> {
  for await (const documents of listPages(collection, name)) {
    yield documents.map((doc) => searchRowOf(name, doc as unknown as CollectionDocs[C]));
  }
}

/**
 * Every record of a collection (the binned too, not the removed), a page of INDEX_PAGE_SIZE at a
 * time in list order, with a task between pages for the UI: each page is a range of the list's
 * IndexedDB index ([_deleted+sortKey+id]) that starts after the last record read, so records
 * sharing a sort key (leads without names) are each read once.
 */
export async function* listPages<C extends SearchableCollection>(
  collection: RxCollection<CollectionDocs[C]>,
  name: C,
): AsyncGenerator<StoredDoc[]> {
  const sortKey = LIST_SORT_KEY[name];
  const prepared = collection
    .find({
      selector: { [sortKey]: { $gte: '' } } as never,
      sort: [{ [sortKey]: 'asc' }, { id: 'asc' }] as never,
      index: [sortKey, 'id'],
      limit: INDEX_PAGE_SIZE,
    })
    .getPreparedQuery();
  let queryPlan = prepared.queryPlan;
  for (;;) {
    const { documents } = await collection.storageInstance.query({ ...prepared, queryPlan });
    yield documents as unknown as StoredDoc[];
    if (documents.length < INDEX_PAGE_SIZE) return;
    const last = documents[documents.length - 1] as unknown as StoredDoc;
    // The plan's first key is the planner's own for `_deleted: false`.
    queryPlan = {
      ...queryPlan,
      startKeys: [queryPlan.startKeys[0], String(last[sortKey] ?? ''), last.id],
      inclusiveStart: false,
    };
    await nextTask();
  }
}
