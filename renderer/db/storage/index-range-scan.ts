import type { RxQueryPlan } from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  getKeyRangeByQueryPlan,
  type RxStorageInstanceDexie,
} from 'rxdb/plugins/storage-dexie';

/** Records read per IndexedDB request: one round trip for many, and a bounded batch in memory. */
export const SCAN_BATCH = 2000;

/**
 * Every stored record (in Dexie's stored form) of a query plan's index range, in index order, a
 * batch at a time: one `getAll` per batch instead of one cursor step per record, the next batch
 * starting after the index key of the last record read (every RxDB index ends with the primary
 * key, so keys are unique), and nothing kept once `visit` has seen a batch. `visit` returns false
 * to stop; it may change the records it is given.
 *
 * Yields nothing for a range IndexedDB cannot make (RxDB's own query answers such a range empty).
 */
export async function scanIndexRange<T>(
  instance: RxStorageInstanceDexie<T>,
  plan: RxQueryPlan,
  visit: (stored: readonly Record<string, unknown>[]) => boolean | void,
  batch = SCAN_BATCH,
): Promise<void> {
  const state = await instance.internals;
  const KeyRange = state.dexieDb._options.IDBKeyRange as typeof IDBKeyRange;
  let range: IDBKeyRange;
  try {
    range = getKeyRangeByQueryPlan(state.booleanIndexes, plan, KeyRange);
  } catch (error) {
    if ((error as Error).name === 'DataError') return;
    throw error;
  }
  const paths = plan.index.map((field) => dexieReplaceIfStartsWithPipe(field).split('.'));
  const indexName = `[${paths.map((path) => path.join('.')).join('+')}]`;
  // The key IndexedDB filed a stored record under in this index: its values at the index's paths.
  const keyOf = (stored: Record<string, unknown>) =>
    paths.map((path) =>
      path.reduce<unknown>((at, name) => (at as Record<string, unknown>)[name], stored),
    ) as IDBValidKey;
  for (;;) {
    const values = await state.dexieDb.transaction('r', state.dexieTable, (tx) =>
      request<Record<string, unknown>[]>(
        tx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName).getAll(range, batch),
      ),
    );
    // Before `visit`, which may turn the stored records into RxDB's form (no longer index keys).
    const last = values.length === batch ? keyOf(values[values.length - 1]!) : null;
    if (values.length > 0 && visit(values) === false) return;
    if (last === null) return;
    range = KeyRange.bound(last, range.upper, true, range.upperOpen);
  }
}

function request<R>(req: IDBRequest): Promise<R> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as R);
    req.onerror = () => reject(req.error ?? new Error('an IndexedDB read failed'));
  });
}
