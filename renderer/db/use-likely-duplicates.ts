import { useEffect, useState } from 'react';
import type { RxCollection } from 'rxdb';
import type { CollectionDocs } from '@domain/collections';
import {
  DuplicateIndex,
  duplicateKeysOf,
  type DuplicateCollection,
  type DuplicateKey,
  type DuplicateReason,
} from '@domain/duplicates';
import { isSearching, parseSearchQuery } from '@domain/search-text';
import { type RecordSearchIndex } from './record-search-index';
import { searchIndexFor } from './search-index-for';
import type { Workspace } from './workspace';
import { useWorkspace } from './workspace-context';

/** A record that looks like the one being typed, why, and which collection it is in. */
export interface LikelyDuplicate<C extends DuplicateCollection = DuplicateCollection> {
  collection: C;
  record: CollectionDocs[C];
  reasons: DuplicateReason[];
}

/** Candidates read per search: a name shared by more records than this is no longer a useful hint. */
const CANDIDATES_PER_KEY = 25;
/** Typing pauses this long before the store is asked. */
const TYPING_PAUSE_MS = 250;

/** Where a record of each kind may already be: a lead typed in for an existing contact is found too. */
const LOOK_IN: { readonly [C in DuplicateCollection]: readonly DuplicateCollection[] } = {
  contacts: ['contacts'],
  companies: ['companies'],
  leads: ['leads', 'contacts'],
};

/** What to type into a collection's search to find records sharing `key` (then judged exactly). */
function searchTextFor(key: DuplicateKey): string {
  // A name is searched by its first word; the exact key decides which of the hits share it.
  if (key.reason === 'name') return key.value.split(/[\s@]/)[0] ?? '';
  return key.value;
}

function whenReady(index: RecordSearchIndex): Promise<boolean> {
  index.prepare();
  if (index.status === 'ready' || index.status === 'failed') return Promise.resolve(index.status === 'ready');
  return new Promise((resolve) => {
    const stop = index.subscribe(() => {
      if (index.status !== 'ready' && index.status !== 'failed') return;
      stop();
      resolve(index.status === 'ready');
    });
  });
}

/**
 * The stored records that share an email, phone, web domain or company name with `draft`
 * (domain/duplicates.ts), strongest reason first. Candidates come from each collection's in-memory
 * search index (built a page at a time, kept current from the change stream), and only they are
 * read from storage: never a full read on the main thread.
 */
export async function findLikelyDuplicates<C extends DuplicateCollection>(
  ws: Workspace,
  collection: C,
  draft: CollectionDocs[C],
  exceptId = '',
): Promise<LikelyDuplicate[]> {
  const keys = duplicateKeysOf(collection, draft);
  if (!keys.length) return [];
  const found: LikelyDuplicate[] = [];
  for (const target of LOOK_IN[collection]) {
    const index = searchIndexFor(ws.db, target);
    if (!(await whenReady(index as unknown as RecordSearchIndex))) continue;
    const ids = new Set<string>();
    for (const key of keys) {
      const query = parseSearchQuery(searchTextFor(key));
      if (!isSearching(query)) continue;
      for (const id of index.search(query).slice(0, CANDIDATES_PER_KEY)) ids.add(id);
    }
    ids.delete(exceptId);
    if (!ids.size) continue;
    const rxCollection = ws.db[target] as unknown as RxCollection<CollectionDocs[typeof target]>;
    const byId = await rxCollection.findByIds([...ids]).exec();
    const candidates = new DuplicateIndex();
    const records = new Map<string, CollectionDocs[typeof target]>();
    for (const [id, doc] of byId) {
      const record = doc.toJSON() as CollectionDocs[typeof target];
      if (record.deletedAt) continue;
      records.set(id, record);
      candidates.put(id, duplicateKeysOf(target, record));
    }
    for (const match of candidates.find(keys, exceptId)) {
      found.push({ collection: target, record: records.get(match.id)!, reasons: match.reasons });
    }
  }
  return found;
}

/**
 * `findLikelyDuplicates` for a form being typed: asked again after each pause in typing, the last
 * answer kept until the next arrives. `draft` null (a record being edited, not created) asks nothing.
 */
export function useLikelyDuplicates<C extends DuplicateCollection>(
  collection: C,
  draft: CollectionDocs[C] | null,
): LikelyDuplicate[] {
  const ws = useWorkspace();
  const [found, setFound] = useState<{ key: string; matches: LikelyDuplicate[] }>({ key: '', matches: [] });
  const keys = draft ? duplicateKeysOf(collection, draft) : [];
  const key = keys.map((k) => `${k.reason}:${k.value}`).join('|');
  useEffect(() => {
    if (!key || !draft) return;
    let live = true;
    const timer = setTimeout(() => {
      void findLikelyDuplicates(ws, collection, draft).then((matches) => {
        if (live) setFound({ key, matches });
      });
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The draft is judged by its keys: other typing asks nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ws, collection, key]);
  return key && found.key === key ? found.matches : [];
}
