import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Deal } from '@domain/schemas/deal';
import { watchOpenDealsOfStage } from '../../db/stage-deals';
import { useWorkspace } from '../../db/workspace-context';

/** Cards a column shows before its full list has been read: more than a tall screen holds. */
export const HEAD_SIZE = 40;

export interface ColumnData {
  deals: readonly Deal[];
  /** False while only the head of the column has been read: counts and totals are not known yet. */
  complete: boolean;
}

export type BoardData = ReadonlyMap<string, ColumnData>;

const EMPTY: BoardData = new Map();

/** Longest a hold keeps the columns back if its release never comes: they must never stay stale. */
export const HOLD_LIMIT_MS = 2000;

type BoardState = { key: string; data: BoardData };

export interface BoardDeals {
  data: BoardData;
  key: string;
  /**
   * Holds the columns' query updates back until `release(token)` with the same token (or a later
   * hold's release). A drop holds them until its own render has committed (useDropGate): each
   * column query updates when the write that moved the card is stored, which can be before the
   * drop's render, and a column changed under a drag dnd-kit still thinks is on (the card gone
   * from the column it was lifted from, shown in another) makes dnd-kit scroll the other column
   * by a card to keep it "under the pointer" (docs/adr/0009-pipeline-board.md).
   */
  hold(token: object): void;
  /** Ends the hold `token` if it is the latest: the held updates go in, in order, in one render. */
  release(token: object): void;
}

/**
 * The open deals of one pipeline, column by column, live. Each column is its own query on the
 * (pipelineId, status, stageId, rank) index, so a move re-evaluates two columns (RxDB's event
 * reduce, no re-read) and never the whole collection. A column's first HEAD_SIZE cards are read
 * first, so the board paints before its longest column has come out of IndexedDB; the full column
 * (for counts, totals and scrolling) follows.
 */
export function useBoardDeals(pipelineId: string, stageIds: readonly string[]): BoardDeals {
  const { db } = useWorkspace();
  const key = `${pipelineId}|${stageIds.join(',')}`;
  const [state, setState] = useState<BoardState>({ key: '', data: EMPTY });
  const held = useRef<{ token: object | null; updates: ((prev: BoardState) => BoardState)[] }>({
    token: null,
    updates: [],
  });
  const release = useCallback((token: object) => {
    if (held.current.token !== token) return;
    held.current.token = null;
    const updates = held.current.updates.splice(0);
    if (updates.length) startTransition(() => updates.forEach((update) => setState(update)));
  }, []);
  const hold = useCallback(
    (token: object) => {
      held.current.token = token;
      setTimeout(() => release(token), HOLD_LIMIT_MS);
    },
    [release],
  );
  useEffect(() => {
    if (!pipelineId) return;
    const holding = held.current;
    const [, stageList = ''] = key.split('|');
    const stages = stageList ? stageList.split(',') : [];
    // A state left from the previous pipeline is dropped on the first column of the new one.
    // A column's update after a move is a transition: React renders it in slices, so the move's
    // own IndexedDB callbacks (the other write's completion) are not held up behind it; the
    // board already shows the move (its pending overlay).
    const put = (stageId: string, column: ColumnData) => {
      const update = (prev: BoardState): BoardState => {
        const next = new Map(prev.key === key ? prev.data : []);
        next.set(stageId, column);
        return { key, data: next };
      };
      if (holding.token) holding.updates.push(update);
      else startTransition(() => setState(update));
    };
    const subscriptions: { unsubscribe(): void }[] = [];
    let cancelled = false;
    let headsPending = stages.length;
    const startFull = () => {
      if (cancelled) return;
      for (const stageId of stages) {
        const full = watchOpenDealsOfStage(db, pipelineId, stageId).subscribe((deals) =>
          put(stageId, { deals, complete: true }),
        );
        subscriptions.push(full);
      }
    };
    for (const stageId of stages) {
      let done = false;
      const head = watchOpenDealsOfStage(db, pipelineId, stageId, HEAD_SIZE).subscribe((deals) => {
        if (done) return;
        done = true;
        setState((prev) => {
          if (prev.key === key && prev.data.get(stageId)?.complete) return prev;
          const next = new Map(prev.key === key ? prev.data : []);
          next.set(stageId, { deals, complete: deals.length < HEAD_SIZE });
          return { key, data: next };
        });
        queueMicrotask(() => head.unsubscribe());
        // The full reads start once every head is in and painted: thousands of cursor callbacks
        // would otherwise hold up the heads and the first frame that shows them.
        if (--headsPending === 0) requestAnimationFrame(() => setTimeout(startFull, 0));
      });
      subscriptions.push(head);
    }
    return () => {
      cancelled = true;
      subscriptions.forEach((s) => s.unsubscribe());
      holding.updates = [];
    };
  }, [db, pipelineId, key]);
  return { data: state.key === key ? state.data : EMPTY, key: state.key, hold, release };
}
