import { COLLECTION_NAMES, type CollectionDocs, type CollectionName } from '../domain/collections';
import { accessKeysOf } from '../domain/permissions';
import { createRecordValidator, type RecordValidator } from '@domain/record-validation/record-validator';
import type { RecordWrite, Store } from '../sync-server/store/store';

/** Records of one collection, written in one transaction (a demo batch has this shape). */
export type RecordBatch = {
  [C in CollectionName]: { collection: C; records: readonly CollectionDocs[C][] };
}[CollectionName];

export type CollectionCounts = Record<CollectionName, number>;

export interface StoreSinkResult {
  /** Records written, per collection. */
  written: CollectionCounts;
  /** Records left alone because the store already held one with that id. */
  kept: number;
}

export interface WriteToStoreOptions {
  /** Called after each batch with the records handled so far (written or kept). */
  onProgress?: (handled: number) => void;
}

/**
 * Writes batches into a sync server's store, one transaction each, through the store's own put
 * path: the server-owned access columns come from the collection's definition, as the push route
 * sets them, and every record is checked against the schema the push route checks, so the store
 * never holds a record a device could not have pushed. A record whose id is already stored is
 * kept as it is, so writing the same batches twice is safe and never overwrites later edits.
 * Devices receive the records through ordinary replication (every write takes a new seq).
 */
export async function writeToStore(
  store: Store,
  batches: Iterable<RecordBatch>,
  options: WriteToStoreOptions = {},
): Promise<StoreSinkResult> {
  const validator = createRecordValidator();
  const written = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, 0])) as CollectionCounts;
  let kept = 0;
  let handled = 0;
  for (const batch of batches) {
    const { collection, records } = batch;
    const fresh = await store.transaction(async (tx) => {
      const stored = await tx.getRecords(
        collection,
        records.map((r) => r.id),
      );
      const writes = records.filter((r) => !stored.has(r.id)).map((r) => recordWrite(validator, collection, r));
      if (writes.length) await tx.putRecords(writes);
      return writes.length;
    });
    written[collection] += fresh;
    kept += records.length - fresh;
    handled += records.length;
    options.onProgress?.(handled);
  }
  return { written, kept };
}

function recordWrite(validator: RecordValidator, collection: CollectionName, record: { id: string; hlc: string }) {
  const invalid = validator.validate(collection, record);
  if (invalid) throw new Error(`${collection}/${record.id} is not a record a device could push: ${invalid}`);
  const keys = accessKeysOf(collection, record);
  const write: RecordWrite = {
    collection,
    id: record.id,
    hlc: record.hlc,
    deleted: false,
    ownerId: keys.ownerId,
    teamId: keys.teamId,
    body: record as unknown as Record<string, unknown>,
  };
  return write;
}
