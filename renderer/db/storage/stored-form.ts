import type { RxJsonSchema } from 'rxdb';
import { fromDexieToStorage } from 'rxdb/plugins/storage-dexie';

/**
 * Turns records as Dexie stores them into records as RxDB reads them, for a scan that tests each
 * and keeps none. RxDB's `fromDexieToStorage` copies every record deeply to rename keys that begin
 * with "|" and to turn indexed booleans stored as '0'/'1' back into booleans; when a schema has no
 * such key and only top-level boolean indexes (every collection here: `_deleted`), setting those
 * booleans on the record read, which nothing else holds, gives the same record without the copy.
 */
export function storedFormReader(
  schema: RxJsonSchema<unknown>,
  booleanIndexes: readonly string[],
): (stored: Record<string, unknown>) => Record<string, unknown> {
  const pipeKeys = JSON.stringify(schema.properties ?? {}).includes('"|');
  if (pipeKeys || booleanIndexes.some((path) => path.includes('.'))) {
    return (stored) => fromDexieToStorage(booleanIndexes as string[], stored) as Record<string, unknown>;
  }
  return (stored) => {
    for (const field of booleanIndexes) stored[field] = stored[field] === '1';
    return stored;
  };
}
