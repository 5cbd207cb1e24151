import {
  getQueryMatcher,
  getQueryPlan,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageQueryResult,
} from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  fromDexieToStorage,
  getKeyRangeByQueryPlan,
  type RxStorageInstanceDexie,
} from 'rxdb/plugins/storage-dexie';

/**
 * RxDB's Dexie storage serves a sort by walking an index forwards only: its query planner counts
 * any `desc` sort as not served, so a descending list reads every record of its range and sorts
 * them for each window (docs/adr/0031-record-table-queries.md). This answers such a query by
 * walking the index that serves the same sort ascending, backwards (an IndexedDB cursor with
 * direction 'prev'), stopping at skip + limit rows as RxDB does for an ascending one.
 *
 * Only where that gives exactly RxDB's own answer:
 * - every sort field is `desc` (a mixed sort is not the reverse of any index order);
 * - RxDB's planner finds an index serving the all-`asc` sort, so its order (primary key last)
 *   reversed is the descending order, ties included;
 * - every field of that index is required by the schema, so every document is in the index —
 *   IndexedDB leaves a record out of an index when a key field is missing, and RxDB's own plan
 *   for the descending query may walk another index.
 * Anything else is left to RxDB (null).
 */
export async function descendingIndexQuery<T>(
  instance: RxStorageInstanceDexie<T>,
  prepared: PreparedQuery<T>,
): Promise<RxStorageQueryResult<T> | null> {
  const plan = reversiblePlan(instance.schema, prepared);
  if (!plan) return null;
  const query = prepared.query;
  const skip = query.skip ?? 0;
  const wanted = skip + (typeof query.limit === 'number' ? query.limit : Infinity);
  const matches = plan.selectorSatisfiedByIndex ? null : getQueryMatcher(instance.schema, query);
  const state = await instance.internals;
  let range: IDBKeyRange;
  try {
    range = getKeyRangeByQueryPlan(state.booleanIndexes, plan, state.dexieDb._options.IDBKeyRange);
  } catch (error) {
    // As RxDB's own query: a range IndexedDB cannot make holds nothing.
    if ((error as Error).name === 'DataError') return { documents: [] };
    throw error;
  }
  const rows: RxDocumentData<T>[] = [];
  if (wanted > 0) {
    await state.dexieDb.transaction('r', state.dexieTable, async (tx) => {
      const store = tx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME);
      const index = store.index(`[${plan.index.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`);
      const cursor = index.openCursor(range, 'prev');
      await new Promise<void>((resolve, reject) => {
        cursor.onerror = () => reject(cursor.error ?? new Error('the index cursor failed'));
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return resolve();
          const doc = fromDexieToStorage(state.booleanIndexes, at.value) as RxDocumentData<T>;
          if (!matches || matches(doc)) rows.push(doc);
          if (rows.length >= wanted) resolve();
          else at.continue();
        };
      });
    });
  }
  return { documents: rows.slice(skip, wanted) };
}

/** The plan of the same query sorted ascending, when walking it backwards answers the query. */
function reversiblePlan<T>(schema: RxJsonSchema<RxDocumentData<T>>, prepared: PreparedQuery<T>) {
  const { query } = prepared;
  const sort = query.sort ?? [];
  if (sort.length === 0 || !sort.every((part) => Object.values(part)[0] === 'desc')) return null;
  const ascending = { ...query, sort: sort.map((part) => ({ [Object.keys(part)[0]!]: 'asc' as const })) };
  const plan = getQueryPlan(schema, ascending as typeof query);
  if (!plan.sortSatisfiedByIndex) return null;
  if (!plan.index.every((field) => isRequired(schema, field))) return null;
  return plan;
}

/** Whether the schema requires the field at this dotted path, at every level. */
function isRequired(schema: object, path: string): boolean {
  type Part = { properties?: Record<string, Part>; required?: readonly string[] } | undefined;
  let part = schema as Part;
  for (const name of path.split('.')) {
    if (!part?.required?.includes(name)) return false;
    part = part.properties?.[name];
  }
  return true;
}
