import type { RxCollection } from 'rxdb';
import type { CollectionDocs } from '@domain/collections';
import type { SearchableCollection } from '@domain/search-text';
import type { OutpostDatabase } from './database';
import { RecordSearchIndex } from './record-search-index';

const indexes = new WeakMap<OutpostDatabase, Map<SearchableCollection, RecordSearchIndex>>();

/**
 * The search index of a collection of this database, made (not built) on first call and shared by
 * every screen — the list pages now, the command palette later.
 */
export function searchIndexFor<C extends SearchableCollection>(db: OutpostDatabase, name: C): RecordSearchIndex<C> {
  let ofDb = indexes.get(db);
  if (!ofDb) indexes.set(db, (ofDb = new Map()));
  let index = ofDb.get(name) as RecordSearchIndex<C> | undefined;
  if (!index) {
    const companies = name === 'contacts' || name === 'deals' ? searchIndexFor(db, 'companies') : null;
    index = new RecordSearchIndex(name, db[name] as unknown as RxCollection<CollectionDocs[C]>, companies);
    ofDb.set(name, index as unknown as RecordSearchIndex);
  }
  return index;
}
