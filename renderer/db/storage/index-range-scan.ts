import type { RxQueryPlan } from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  getKeyRangeByQueryPlan,
  type RxStorageInstanceDexie,
} from 'rxdb/plugins/storage-dexie';

/** Records handed to `visit` at a time: few calls, and a bounded batch in memory. */
export const SCAN_BATCH = 2000;

/**
 * Every stored record (in Dexie's stored form) of a query plan's index range, in index order, a
 * batch at a time, and nothing kept once `visit` has seen a batch. `visit` returns false to stop;
 * it may change the records it is given.
 *
 * One cursor step per record, as RxDB's own queries read, rather than `getAll` batches: IndexedDB
 * answers a connection's requests in turn, and a scan of 100k records in requests of 2,000 made the
 * list's page reads, running meanwhile, wait behind each batch (a filter's first page 2.6–11 s, a
 * search keystroke's rows 0.6–0.7 s, at 100k contacts); cursor steps interleave with them.
 *
 * Yields nothing for a range IndexedDB cannot make (RxDB's own query answers such a range empty).
 */
export async function scanIndexRange<T>(
  instance: RxStorageInstanceDexie<T>,
  plan: RxQueryPlan,
  visit: (stored: Record<string, unknown>[]) => boolean | void,
  batch = SCAN_BATCH,
): Promise<void> {
  const state = await instance.internals;
  let range: IDBKeyRange;
  try {
    range = getKeyRangeByQueryPlan(state.booleanIndexes, plan, state.dexieDb._options.IDBKeyRange);
  } catch (error) {
    if ((error as Error).name === 'DataError') return;
    throw error;
  }
  const indexName = `[${plan.index.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`;
  await state.dexieDb.transaction('r', state.dexieTable, (tx) => {
    const cursor = tx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName).openCursor(range);
    return new Promise<void>((resolve, reject) => {
      let pending: Record<string, unknown>[] = [];
      cursor.onerror = () => reject(cursor.error ?? new Error('an index scan failed'));
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) {
          if (pending.length) visit(pending);
          return resolve();
        }
        pending.push(at.value as Record<string, unknown>);
        if (pending.length === batch) {
          const full = pending;
          pending = [];
          if (visit(full) === false) return resolve();
        }
        at.continue();
      };
    });
  });
}
