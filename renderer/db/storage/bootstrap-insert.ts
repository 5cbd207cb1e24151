import { randomToken, type EventBulk, type RxDocumentData, type RxStorageChangeEvent } from 'rxdb';
import { fromDexieToStorage, fromStorageToDexie, type RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';

/** The name a page asks the storage worker for a bootstrap insert by (RxDB remote storage's `requestRemote`). */
export const BOOTSTRAP_INSERT_METHOD = 'outpostBootstrapInsert';

export interface BootstrapInsertResult {
  /** The documents already stored under an id of the request, as stored; those were not written. */
  existing: Record<string, unknown>[];
}

type Doc = RxDocumentData<Record<string, unknown>> & { id: string };

/**
 * Inserts documents a first sync believes new (renderer/db/sync/bootstrap.ts) in one IndexedDB
 * transaction, without reading first: RxDB's `bulkWrite` reads every id of the write before it
 * writes (its conflict check), one IndexedDB read per document, although a bootstrap's documents
 * are almost all new. Here IndexedDB's own uniqueness check is the conflict check — an `add` of a
 * stored id fails alone, inside the transaction, and only those few are read and returned, as
 * `bulkWrite` returns a 409 with the stored document. The change event bulk is the one `bulkWrite`
 * emits for the same inserts (every inserted, not deleted document, in write order), so queries,
 * the page's listeners and other windows see the same.
 */
export async function bootstrapInsert(
  instance: RxStorageInstanceDexie<unknown>,
  documents: Doc[],
  context: string,
): Promise<BootstrapInsertResult> {
  if (instance.closed) throw new Error(`${instance.collectionName}: the storage instance is closed`);
  const state = await instance.internals;
  const toDexie = dexieFormWriter(instance, state.booleanIndexes);
  let failed = new Set<number>();
  let existing: Record<string, unknown>[] = [];
  await state.dexieDb.transaction('rw', state.dexieTable, async () => {
    try {
      await state.dexieTable.bulkAdd(documents.map(toDexie));
    } catch (error) {
      // Dexie's BulkError: the failed adds by position; caught here, the transaction keeps the rest.
      const byPos = (error as { name?: string; failuresByPos?: Record<number, { name?: string }> }).failuresByPos;
      if ((error as { name?: string }).name !== 'BulkError' || !byPos) throw error;
      const other = Object.values(byPos).find((failure) => failure?.name !== 'ConstraintError');
      if (other) throw other as Error;
      failed = new Set(Object.keys(byPos).map(Number));
      const stored = await state.dexieTable.bulkGet([...failed].map((pos) => documents[pos]!.id));
      existing = stored.flatMap((doc) => (doc ? [fromDexieToStorage(state.booleanIndexes, doc)] : []));
    }
  });
  const events: RxStorageChangeEvent<Doc>[] = [];
  let newest: Doc | undefined;
  documents.forEach((document, pos) => {
    if (failed.has(pos)) return;
    newest = document;
    if (!document._deleted) {
      events.push({
        documentId: document.id,
        operation: 'INSERT',
        documentData: document,
        previousDocumentData: undefined,
      });
    }
  });
  if (events.length && newest) {
    const bulk: EventBulk<RxStorageChangeEvent<Doc>, unknown> = {
      id: `outpost-bootstrap-${randomToken(10)}`,
      events,
      checkpoint: { id: newest.id, lwt: newest._meta.lwt },
      context,
    };
    // RxDB's own bulkWrite emits on this subject (private in its types): the instance's change stream.
    (instance as unknown as { changes$: { next(bulk: unknown): void } }).changes$.next(bulk);
  }
  return { existing };
}

/**
 * Dexie's form of a document (RxDB's `fromStorageToDexie`), without its deep copy where the schema
 * allows: with no key beginning with "|" and only top-level boolean indexes, a flat copy with those
 * booleans as '0'/'1' is the same record (stored-form.ts reads it back the same way).
 */
function dexieFormWriter(
  instance: RxStorageInstanceDexie<unknown>,
  booleanIndexes: string[],
): (doc: Doc) => Record<string, unknown> {
  const pipeKeys = JSON.stringify(instance.schema.properties ?? {}).includes('"|');
  if (pipeKeys || booleanIndexes.some((path) => path.includes('.'))) {
    return (doc) => fromStorageToDexie(booleanIndexes, doc) as Record<string, unknown>;
  }
  return (doc) => {
    const stored: Record<string, unknown> = { ...doc };
    for (const field of booleanIndexes) stored[field] = doc[field] ? '1' : '0';
    return stored;
  };
}
