import type { RxStorageInstance } from 'rxdb';
import { BOOTSTRAP_INSERT_METHOD, type BootstrapInsertResult } from '../storage/bootstrap-insert';

/** Inserts documents believed new; resolves to those already stored under their ids (not written). */
export type BootstrapInserter<D> = (documents: D[], context: string) => Promise<D[]>;

type Instance = RxStorageInstance<unknown, unknown, unknown> & Record<string, unknown>;

/**
 * How a first sync inserts into `storage` (the instance beneath RxDB's wrapper): the app's storage
 * answers a bootstrap insert without reading every id first (storage/bootstrap-insert.ts: in the
 * storage worker, by name through RxDB's remote protocol, or on the instance itself); any other
 * storage — RxDB's memory storage in tests, a remote one that does not know the method — gets
 * RxDB's `bulkWrite`, whose 409s name the same stored documents. The first failure of the method
 * settles it for this inserter, and that write is made again with `bulkWrite` (the method writes
 * nothing when it fails: one transaction).
 */
export function bootstrapInserter<D extends { id: string }>(
  storage: RxStorageInstance<D, unknown, unknown>,
): BootstrapInserter<D> {
  // Beneath development builds' validation wrapper too: these are the server's records, which it
  // validated when they were written (docs/adr/0021-write-validation.md).
  let instance = storage as unknown as Instance;
  while (instance.originalStorageInstance) instance = instance.originalStorageInstance as Instance;
  const own = instance[BOOTSTRAP_INSERT_METHOD];
  const remote = instance.requestRemote;
  let method: ((documents: D[], context: string) => Promise<BootstrapInsertResult>) | null =
    typeof own === 'function'
      ? (documents, context) => (own as typeof method & object).call(instance, documents, context)
      : typeof remote === 'function'
        ? (documents, context) =>
            (remote as (name: string, params: unknown[]) => Promise<BootstrapInsertResult>).call(
              instance,
              BOOTSTRAP_INSERT_METHOD,
              [documents, context],
            )
        : null;

  const bulkWrite: BootstrapInserter<D> = async (documents, context) => {
    const result = await storage.bulkWrite(documents.map((document) => ({ document })) as never, context);
    const existing: D[] = [];
    for (const error of result.error) {
      if (error.status !== 409) throw new Error(`storage write failed (${error.status})`);
      if (error.documentInDb) existing.push(error.documentInDb as unknown as D);
    }
    return existing;
  };

  return async (documents, context) => {
    if (method) {
      try {
        return (await method(documents, context)).existing as D[];
      } catch (error) {
        console.warn('The storage has no bootstrap insert; writing with bulkWrite instead', error);
        method = null;
      }
    }
    return bulkWrite(documents, context);
  };
}
