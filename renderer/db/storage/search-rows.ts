import { getQueryPlan, normalizeMangoQuery, type MangoQuery } from 'rxdb';
import type { RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';
import { isSearchable, LIST_SORT_KEY, searchRowOf, type SearchRow } from '../search-row';
import { SCAN_BATCH, scanIndexRange } from './index-range-scan';
import { storedFormReader } from './stored-form';

/** The name a page asks the storage worker for search rows by (RxDB remote storage's `requestRemote`). */
export const SEARCH_ROWS_METHOD = 'outpostSearchRows';

export interface SearchRowsRequest {
  /** Start after this record of the list order (its sort key and id), or at the start. */
  after: { sortKey: string; id: string } | null;
  limit: number;
}

export interface SearchRowsPage {
  rows: SearchRow[];
  /** True when the list holds nothing after these rows. */
  done: boolean;
}

/**
 * A page of a searchable collection's search rows in list order (its sort key, then id), the binned
 * included (a search index keeps them, unlisted), computed where the records are stored: the page
 * that asks receives a few small strings per record instead of the records. Read along the list's
 * own index in batches, as a list page is.
 */
export async function searchRows<T>(
  instance: RxStorageInstanceDexie<T>,
  request: SearchRowsRequest,
): Promise<SearchRowsPage> {
  const collection = instance.collectionName;
  if (!isSearchable(collection)) throw new RangeError(`${collection} has no search rows`);
  const sortKey = LIST_SORT_KEY[collection];
  const after = request.after;
  // As RxDB prepares a query (rx-query.js getPreparedQuery): stored records only, along the list's index.
  const query = normalizeMangoQuery(instance.schema, {
    selector: { _deleted: { $eq: false }, [sortKey]: { $gte: after ? after.sortKey : '' } },
    sort: [{ [sortKey]: 'asc' }, { id: 'asc' }],
    index: ['_deleted', sortKey, 'id'],
  } as MangoQuery<T>);
  const plan = getQueryPlan(instance.schema, query);
  // The plan's first key is the planner's own for `_deleted: false`; start after the last row read.
  if (after) Object.assign(plan, { startKeys: [plan.startKeys[0], after.sortKey, after.id], inclusiveStart: false });
  const state = await instance.internals;
  const read = storedFormReader(instance.schema as never, state.booleanIndexes);
  const rows: SearchRow[] = [];
  await scanIndexRange(
    instance,
    plan,
    (batch) => {
      for (const stored of batch) {
        rows.push(searchRowOf(collection, read(stored) as never));
      }
      return rows.length < request.limit;
    },
    // Batches that add up to the page, so that no batch reads records past it.
    Math.ceil(request.limit / Math.ceil(request.limit / SCAN_BATCH)),
  );
  return { rows: rows.slice(0, request.limit), done: rows.length < request.limit };
}
