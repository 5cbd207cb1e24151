import { useSyncExternalStore } from 'react';
import { StorageWriteError } from '../../db/storage/storage-write-error';
import type { Workspace } from '../../db/workspace';
import { loadDemoData, type DemoSetName } from '../onboarding';

export type DemoLoadState =
  | { phase: 'idle' }
  | {
      phase: 'loading';
      size: DemoSetName;
      done: number;
      total: number;
      startedAt: number;
      elapsedMs: number;
      cancelling: boolean;
    }
  | { phase: 'done'; size: DemoSetName; written: number }
  | { phase: 'cancelled'; size: DemoSetName; written: number }
  | { phase: 'failed'; size: DemoSetName; quotaExceeded: boolean; message: string };

/**
 * The demo load of this window, kept outside the card: a load of the large set takes minutes, and
 * leaving Settings meanwhile neither stops it nor starts a second one when the person comes back.
 */
let state: DemoLoadState = { phase: 'idle' };
let controller: AbortController | null = null;
const listeners = new Set<() => void>();

function set(next: DemoLoadState) {
  state = next;
  for (const listener of listeners) listener();
}

export function useDemoLoad(): DemoLoadState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

export async function startDemoLoad(ws: Workspace, size: DemoSetName): Promise<void> {
  if (state.phase === 'loading') return;
  const own = new AbortController();
  controller = own;
  set({ phase: 'loading', size, done: 0, total: 0, startedAt: performance.now(), elapsedMs: 0, cancelling: false });
  try {
    const result = await loadDemoData(
      ws,
      (done, total) => {
        if (state.phase === 'loading') set({ ...state, done, total, elapsedMs: performance.now() - state.startedAt });
      },
      { size, signal: own.signal },
    );
    set(
      result.cancelled
        ? { phase: 'cancelled', size, written: result.written }
        : { phase: 'done', size, written: result.written },
    );
  } catch (error) {
    set({
      phase: 'failed',
      size,
      quotaExceeded: error instanceof StorageWriteError && error.quotaExceeded,
      message: error instanceof Error ? error.message : String(error),
    });
  } finally {
    if (controller === own) controller = null;
  }
}

/** Stops after the write in progress (at most one batch); what was written stays. */
export function cancelDemoLoad() {
  if (state.phase !== 'loading' || !controller) return;
  controller.abort();
  set({ ...state, cancelling: true });
}
