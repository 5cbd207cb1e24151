import type { RxStorage, RxStorageInstance } from 'rxdb';
import type { RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';
import { BOOTSTRAP_INSERT_METHOD, bootstrapInsert } from './bootstrap-insert';
import { descendingIndexQuery } from './descending-index-queries';
import { scanningCount } from './scanning-count';
import { SEARCH_ROWS_METHOD, searchRows, type SearchRowsRequest } from './search-rows';

/**
 * RxDB's Dexie storage with the reads the record tables need made cheaper, each giving exactly
 * RxDB's own answer: descending index-served queries walk their index backwards
 * (descending-index-queries.ts), counts no index satisfies scan without keeping or sorting
 * (scanning-count.ts), and a search index is fed compact rows computed where the records are
 * (search-rows.ts); a first sync's inserts skip the read before the write (bootstrap-insert.ts).
 * Everything else is RxDB's Dexie storage as it is.
 */
export function withIndexedReads<S extends RxStorage<unknown, unknown>>(storage: S): S {
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = (await storage.createStorageInstance(params)) as RxStorageInstance<
        unknown,
        unknown,
        unknown
      > as unknown as RxStorageInstanceDexie<unknown>;
      const rxdbQuery = instance.query.bind(instance);
      const rxdbCount = instance.count.bind(instance);
      // The remote-storage plugin calls `instance[method]`: an own property replaces the method,
      // or adds one a page can ask for by name (`requestRemote`).
      instance.query = async (prepared) => (await descendingIndexQuery(instance, prepared)) ?? rxdbQuery(prepared);
      instance.count = async (prepared) => (await scanningCount(instance, prepared)) ?? rxdbCount(prepared);
      Object.assign(instance, {
        [SEARCH_ROWS_METHOD]: (request: SearchRowsRequest) => searchRows(instance, request),
        [BOOTSTRAP_INSERT_METHOD]: (documents: Parameters<typeof bootstrapInsert>[1], context: string) =>
          bootstrapInsert(instance, documents, context),
      });
      return instance as never;
    },
  };
}
