import { startTransition, useEffect, useState } from 'react';
import type { RxDocument } from 'rxdb';
import type { Deal } from '@domain/schemas/deal';
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

/**
 * The open deals of one pipeline, column by column, live. Each column is its own query on the
 * (pipelineId, status, stageId, rank) index, so a move re-evaluates two columns (RxDB's event
 * reduce, no re-read) and never the whole collection. A column's first HEAD_SIZE cards are read
 * first, so the board paints before its longest column has come out of IndexedDB; the full column
 * (for counts, totals and scrolling) follows.
 */
export function useBoardDeals(pipelineId: string, stageIds: readonly string[]): { data: BoardData; key: string } {
  const { db } = useWorkspace();
  const key = `${pipelineId}|${stageIds.join(',')}`;
  const [state, setState] = useState<{ key: string; data: BoardData }>({ key: '', data: EMPTY });
  useEffect(() => {
    if (!pipelineId) return;
    const [, stageList = ''] = key.split('|');
    const stages = stageList ? stageList.split(',') : [];
    // A state left from the previous pipeline is dropped on the first column of the new one.
    // A column's update after a move is a transition: React renders it in slices, so the move's
    // own IndexedDB callbacks (the other write's completion) are not held up behind it; the
    // board already shows the move (its pending overlay).
    const put = (stageId: string, column: ColumnData) =>
      startTransition(() =>
        setState((prev) => {
          const next = new Map(prev.key === key ? prev.data : []);
          next.set(stageId, column);
          return { key, data: next };
        }),
      );
    // toJSON(true) is the document's stored data itself: the same object until the deal changes,
    // so unchanged cards keep their identity and skip re-rendering.
    const plain = (docs: RxDocument<Deal>[]) => docs.map((d) => d.toJSON(true) as unknown as Deal);
    const subscriptions: { unsubscribe(): void }[] = [];
    let cancelled = false;
    let headsPending = stages.length;
    const startFull = () => {
      if (cancelled) return;
      for (const stageId of stages) {
        const full = db.deals
          .find({
            selector: { pipelineId, status: 'OPEN', stageId, deletedAt: null },
            sort: [{ rank: 'asc' }],
          })
          .$.subscribe((docs) => put(stageId, { deals: plain(docs as RxDocument<Deal>[]), complete: true }));
        subscriptions.push(full);
      }
    };
    for (const stageId of stages) {
      let done = false;
      const head = db.deals
        .find({
          selector: { pipelineId, status: 'OPEN', stageId, deletedAt: null },
          sort: [{ rank: 'asc' }],
          limit: HEAD_SIZE,
        })
        .$.subscribe((docs) => {
          if (done) return;
          done = true;
          setState((prev) => {
            if (prev.key === key && prev.data.get(stageId)?.complete) return prev;
            const next = new Map(prev.key === key ? prev.data : []);
            const deals = plain(docs as RxDocument<Deal>[]);
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
    };
  }, [db, pipelineId, key]);
  return { data: state.key === key ? state.data : EMPTY, key: state.key };
}
