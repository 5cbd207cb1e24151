import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { MangoQuery, RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import { useLinkedRecordStore } from './linked-record-store';
import { useWorkspace } from './workspace-context';

export interface QueryState<T> {
  docs: T[];
  loading: boolean;
}

const NO_QUERY: QueryState<never> = { docs: [], loading: false };
const NO_RECORDS = new Map<string, never>();

/**
 * Reactive query: re-renders when matching records change (locally or from sync). The query is
 * described as data, so the effect re-subscribes only when the description really changes.
 */
export function useRxQuery<C extends CollectionName>(
  collection: C,
  query: MangoQuery<CollectionDocs[C]> | null,
): QueryState<CollectionDocs[C]> {
  const { db } = useWorkspace();
  const key = query ? JSON.stringify(query) : '';
  const [state, setState] = useState<QueryState<CollectionDocs[C]> & { key: string }>({ docs: [], loading: true, key });
  useEffect(() => {
    if (!key) return;
    const rxCollection = db[collection] as unknown as RxCollection<CollectionDocs[C]>;
    const subscription = rxCollection.find(JSON.parse(key)).$.subscribe((results) => {
      setState({ docs: results.map((d) => d.toJSON() as CollectionDocs[C]), loading: false, key });
    });
    return () => subscription.unsubscribe();
  }, [db, collection, key]);
  if (!key) return NO_QUERY as QueryState<CollectionDocs[C]>;
  return state.key === key ? state : { docs: state.docs, loading: true };
}

/** One record by id, live; `undefined` while loading, `null` when it does not exist. */
export function useRecord<C extends CollectionName>(
  collection: C,
  id: string | null,
): CollectionDocs[C] | null | undefined {
  const { db } = useWorkspace();
  const [state, setState] = useState<{ id: string | null; doc: CollectionDocs[C] | null | undefined }>({
    id,
    doc: undefined,
  });
  useEffect(() => {
    if (!id) return;
    const rxCollection = db[collection] as unknown as RxCollection<CollectionDocs[C]>;
    const subscription = rxCollection.findOne(id).$.subscribe((doc) => {
      setState({ id, doc: doc ? (doc.toJSON() as CollectionDocs[C]) : null });
    });
    return () => subscription.unsubscribe();
  }, [db, collection, id]);
  if (!id) return null;
  return state.id === id ? state.doc : undefined;
}

/** Several records by id (for showing names of linked records in a list), live. */
export function useRecordsById<C extends CollectionName>(
  collection: C,
  ids: readonly string[],
): Map<string, CollectionDocs[C]> {
  return useLinkedRecords(collection, ids).found;
}

/** Linked records by id, and whether the lookup of the current ids has answered yet. */
export interface LinkedRecords<C extends CollectionName> {
  found: Map<string, CollectionDocs[C]>;
  /**
   * The record `id` links: undefined while it is looked up (or for no link), null when this
   * device does not have it — a record made offline elsewhere may link one not synced yet.
   */
  get(id: string): CollectionDocs[C] | null | undefined;
}

/**
 * Linked records as a value that changes with every answer: for a page that builds something from
 * them (names in a column's cells). A list cell that shows one record reads the store itself
 * (useLinkedRecordStore): an answer then redraws that cell, not the rows.
 */
export function useLinkedRecords<C extends CollectionName>(collection: C, ids: readonly string[]): LinkedRecords<C> {
  const store = useLinkedRecordStore(collection, ids);
  const version = useSyncExternalStore(store.subscribe, () => store.version);
  const none = !ids.some(Boolean);
  // The same object until the answer changes: list columns are built from it, and memoized rows
  // re-render only when their columns do.
  return useMemo(
    () => ({
      found: none ? NO_RECORDS : store.found,
      get: (id: string) => (none ? undefined : store.get(id)),
    }),
    // `version` grows with every answer: the store's `found` is then another map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, version, none],
  );
}
