import type { RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import type { WindowReads } from './window-source';

/** A page of search matches: a slice of the matched ids, read by id. */
export function idReads<C extends CollectionName>(
  collection: RxCollection<CollectionDocs[C]>,
  ids: readonly string[],
): WindowReads<CollectionDocs[C]> {
  return {
    count: () => Promise.resolve(ids.length),
    ids: () => Promise.resolve([...ids]),
    rows: async (skip, limit) => {
      const wanted = ids.slice(skip, skip + limit);
      const byId = await collection.findByIds(wanted).exec();
      return wanted.flatMap((id) => {
        const doc = byId.get(id);
        return doc ? [doc.toJSON() as CollectionDocs[C]] : [];
      });
    },
  };
}
