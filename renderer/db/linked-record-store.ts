import { useEffect, useMemo, useState } from 'react';
import type { RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import { useWorkspace } from './workspace-context';

/**
 * The records a list's rows link to (their companies, say), by id, kept outside React: a cell
 * reads its own record and subscribes to it, so a lookup answering redraws the cells whose record
 * changed — not every row, as a list whose columns were rebuilt from the answer would.
 */
export class LinkedRecordStore<T> {
  /** The records found by the latest answer. */
  found = new Map<string, T>();
  // The ids the latest answer was asked for: one of them not found is not on this device.
  private asked = new Set<string>();
  private listeners = new Set<() => void>();
  /** Grows with every answer. */
  version = 0;

  /**
   * The record `id` links: undefined while it is looked up (or for no link), null when this device
   * does not have it — a record made offline elsewhere may link one not synced yet.
   */
  get(id: string): T | null | undefined {
    if (!id) return undefined;
    return this.found.get(id) ?? (this.asked.has(id) ? null : undefined);
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The lookup of `asked` answered with `found`. */
  answer(asked: readonly string[], found: Map<string, T>) {
    this.asked = new Set(asked);
    this.found = found;
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}

/** The ids to look up, once each and in one order: the same ids make the same key. */
export const linkKey = (ids: readonly string[]) => [...new Set(ids.filter(Boolean))].sort().join(',');

/**
 * A store of the `collection` records `ids` link to, live (a linked record edited or synced is
 * shown as it is now). The store is the same object for the component's life; it answers anew
 * whenever the ids change. `ids` is best memoized (from the rows read): the key is made from it.
 */
export function useLinkedRecordStore<C extends CollectionName>(
  collection: C,
  ids: readonly string[],
): LinkedRecordStore<CollectionDocs[C]> {
  const { db } = useWorkspace();
  // Made again only for another list of ids (a page read), not at every render of the page.
  const key = useMemo(() => linkKey(ids), [ids]);
  const [store] = useState(() => new LinkedRecordStore<CollectionDocs[C]>());
  useEffect(() => {
    if (!key) return;
    const asked = key.split(',');
    const rxCollection = db[collection] as unknown as RxCollection<CollectionDocs[C]>;
    const subscription = rxCollection.findByIds(asked).$.subscribe((docs) => {
      const found = new Map<string, CollectionDocs[C]>();
      for (const [id, doc] of docs) found.set(id, doc.toJSON() as CollectionDocs[C]);
      store.answer(asked, found);
    });
    return () => subscription.unsubscribe();
  }, [db, collection, key, store]);
  return store;
}
