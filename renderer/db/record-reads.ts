import type { RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import type { Workspace } from './workspace';

/** The stored record of `collection` with this id, as plain data; null when this device has none. */
export async function readRecord<C extends CollectionName>(
  ws: Workspace,
  collection: C,
  id: string,
): Promise<CollectionDocs[C] | null> {
  const rxCollection = ws.db[collection] as unknown as RxCollection<CollectionDocs[C]>;
  const doc = await rxCollection.findOne(id).exec();
  return doc ? (doc.toJSON() as CollectionDocs[C]) : null;
}
