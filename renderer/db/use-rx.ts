import { useEffect, useMemo, useState } from 'react';
import type { MangoQuery, RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
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

export function useLinkedRecords<C extends CollectionName>(collection: C, ids: readonly string[]): LinkedRecords<C> {
  const { db } = useWorkspace();
  const key = [...new Set(ids.filter(Boolean))].sort().join(',');
  const [state, setState] = useState(() => ({ key: '', found: new Map<string, CollectionDocs[C]>() }));
  useEffect(() => {
    if (!key) return;
    const rxCollection = db[collection] as unknown as RxCollection<CollectionDocs[C]>;
    const subscription = rxCollection.findByIds(key.split(',')).$.subscribe((docs) => {
      const next = new Map<string, CollectionDocs[C]>();
      for (const [id, doc] of docs) next.set(id, doc.toJSON() as CollectionDocs[C]);
      setState({ key, found: next });
    });
    return () => subscription.unsubscribe();
  }, [db, collection, key]);
  const found = key ? state.found : NO_RECORDS;
  // Until the current ids have answered, a missing record may still be on its way from storage.
  const answered = state.key === key;
  // The same object until the answer changes: list columns are built from it, and memoized rows
  // re-render only when their columns do.
  return useMemo(
    () => ({
      found,
      get: (id: string) => (!id ? undefined : (found.get(id) ?? (answered ? null : undefined))),
    }),
    [found, answered],
  );
}
