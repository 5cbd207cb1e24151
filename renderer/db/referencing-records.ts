import type { RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import type { Workspace } from './workspace';

/**
 * The records of `collection` whose `field` names record `id`, deleted ones included (a merge or a
 * conversion must move those too, or a restore would bring back a dangling link). Every field a
 * merge or a conversion follows is the first field of an index (leads.contactId, deals.contactId,
 * deals.companyId, contacts.companyId, activities.*Id), so this reads only the matching records.
 */
export async function readReferencingRecords<C extends CollectionName>(
  ws: Workspace,
  collection: C,
  field: string,
  id: string,
): Promise<CollectionDocs[C][]> {
  const rxCollection = ws.db[collection] as unknown as RxCollection<CollectionDocs[C]>;
  const docs = await rxCollection.find({ selector: { [field]: id } as never }).exec();
  return docs.map((doc) => doc.toJSON() as CollectionDocs[C]);
}
