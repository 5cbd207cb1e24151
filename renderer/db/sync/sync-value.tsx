import {
  createContext,
  useContext,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { SyncEngine, SyncStatus } from './sync-engine';

export interface SyncContextValue {
  engine: SyncEngine | null;
  status: SyncStatus | null;
  serverUrl: string | null;
}

const NO_SYNC: SyncContextValue = { engine: null, status: null, serverUrl: null };

/**
 * The sync's engine and status as a store a component subscribes to with a selection: the status
 * changes after every page a long sync stores, and a screen that only asks whether its collection
 * is still arriving must not be drawn again for each of them (a list page and its table, a few
 * hundred times in the large workspace's first sync).
 */
interface SyncSource {
  get(): SyncContextValue;
  subscribe(listener: () => void): () => void;
}

function createSyncSource(initial: SyncContextValue): SyncSource & { set(value: SyncContextValue): void } {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next === value) return;
      value = next;
      for (const listener of listeners) listener();
    },
  };
}

const SyncSourceContext = createContext<SyncSource>(createSyncSource(NO_SYNC));

/** Provides `value` (SyncProvider's, or a component test's own) to useSync and useSyncSelection. */
export function SyncValueProvider({ value, children }: { value: SyncContextValue; children: ReactNode }) {
  const [source] = useState(() => createSyncSource(value));
  useLayoutEffect(() => source.set(value), [source, value]);
  return <SyncSourceContext.Provider value={source}>{children}</SyncSourceContext.Provider>;
}

/** The engine, its status and server: drawn again at every change of the status. */
export function useSync(): SyncContextValue {
  const source = useContext(SyncSourceContext);
  return useSyncExternalStore(source.subscribe, source.get);
}

/**
 * What `select` takes of the sync: drawn again only when it changes (`same` says when two
 * selections are the same; by identity unless told).
 */
export function useSyncSelection<T>(
  select: (sync: SyncContextValue) => T,
  same: (a: T, b: T) => boolean = Object.is,
): T {
  const source = useContext(SyncSourceContext);
  const kept = useRef<{ value: T } | null>(null);
  const snapshot = () => {
    const next = select(source.get());
    if (kept.current && same(kept.current.value, next)) return kept.current.value;
    kept.current = { value: next };
    return next;
  };
  return useSyncExternalStore(source.subscribe, snapshot);
}
