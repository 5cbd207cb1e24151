import { getQueryMatcher, type PreparedQuery, type RxStorageCountResult } from 'rxdb';
import type { RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';
import { scanIndexRange } from './index-range-scan';
import { storedFormReader } from './stored-form';

/**
 * The count of a selector no index fully satisfies — every list's, since `deletedAt: null` never
 * is (docs/adr/0031-record-table-queries.md). RxDB's Dexie storage answers it by running the query:
 * it keeps every matching record of the range, sorts them all by the query's sort (the primary key
 * when none is given) and returns their number. This walks the same index range in batches,
 * testing each record against the same matcher and keeping none: the same number, without holding
 * 100k records in the worker or sorting them. A count an index satisfies stays RxDB's index count.
 */
export async function scanningCount<T>(
  instance: RxStorageInstanceDexie<T>,
  prepared: PreparedQuery<T>,
): Promise<RxStorageCountResult | null> {
  const plan = prepared.queryPlan;
  if (plan.selectorSatisfiedByIndex) return null;
  const state = await instance.internals;
  const matches = getQueryMatcher(instance.schema, prepared.query);
  const read = storedFormReader(instance.schema as never, state.booleanIndexes);
  let count = 0;
  await scanIndexRange(instance, plan, (batch) => {
    for (const stored of batch) if (matches(read(stored) as never)) count++;
  });
  return { count, mode: 'slow' };
}
