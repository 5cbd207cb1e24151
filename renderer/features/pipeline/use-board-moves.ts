import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { positionOf } from '@domain/board-rules';
import { markDealLost, markDealWon, moveDealToStage, type DealMove } from '@domain/deal-lifecycle';
import type { Result } from '@domain/errors';
import { findStage } from '@domain/pipeline-rules';
import type { Deal } from '@domain/schemas/deal';
import type { Pipeline } from '@domain/schemas/pipeline';
import { useWorkspace } from '../../db/workspace-context';
import { describeDomainErrors } from '../../i18n/domain-errors';
import { useUi } from '../../shell/ui-store';
import { writeDealMove } from '../../db/deal-move-writes';
import { useBoard } from './board-store';
import {
  failureReason,
  forgetMove,
  planMove,
  reconcileMoves,
  rollBackMove,
  settleMove,
  showMove,
  type PendingMove,
  type PendingMoves,
} from './pending-moves';
import type { BoardData } from './use-board-deals';
import { useUndoBoardAction } from './use-undo';

/** Moves the queries have shown (or a later change overtook): done with for good (reconcileMoves). */
const retired = new WeakSet<PendingMove>();
/** A column whose full read has not arrived yet cannot confirm a move: it is let go after this anyway. */
const FORGET_AFTER_MS = 3000;

const at = () => new Date().toISOString();

/**
 * The board's moves, optimistic (pending-moves.ts): the card moves now, the write follows with its
 * undo entry, a failure puts the card back and says why. `live` is what the columns draw on top of
 * the stored deals.
 */
export function useBoardMoves(pipeline: Pipeline, data: BoardData) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const showToast = useUi((s) => s.showToast);
  const pushUndo = useBoard((s) => s.pushUndo);
  const undo = useUndoBoardAction();
  const [pending, setPending] = useState<PendingMoves>(() => new Map());

  const live = useMemo(() => {
    const { live, retiring } = reconcileMoves(pending, data, pipeline.id, retired);
    for (const move of retiring) retired.add(move);
    return live;
  }, [pending, data, pipeline.id]);

  const apply = useCallback(
    (deal: Deal, result: Result<DealMove | null>, toast: string | null, startedAt = performance.now()) => {
      const planned = planMove(deal, result);
      if (planned.kind === 'refused') showToast(describeDomainErrors(t, planned.errors).join(' '));
      if (planned.kind !== 'move') return null;
      const { move, after } = planned;
      // The write first: RxDB reaches IndexedDB in the microtasks after this handler, and no
      // React work should come before it (see ./sensors and the drop gate in use-board-drag).
      const written = writeDealMove(ws, deal.id, move);
      setPending((prev) => showMove(prev, after));
      const undoId = pushUndo({
        dealId: deal.id,
        title: deal.title,
        before: positionOf(deal),
        after: positionOf(after),
        written: written.catch(() => undefined),
      });
      written.then(
        (stored) => {
          // User timing, read by the pipeline benchmark: from the drop (or key) to both writes stored.
          performance.measure('outpost:drop-persisted', { start: startedAt });
          setPending((prev) => settleMove(prev, after, stored));
          setTimeout(() => setPending((prev) => forgetMove(prev, after)), FORGET_AFTER_MS);
          // The toast comes once the move is stored: drawing it sooner would only delay the write.
          if (toast) showToast(toast, { label: t('common.undo'), run: () => void undo(undoId) });
        },
        (error: unknown) => {
          setPending((prev) => rollBackMove(prev, after));
          useBoard.getState().takeUndo(undoId);
          showToast(t('errors.unexpected', { message: failureReason(error) }));
        },
      );
      return written;
    },
    [ws, t, showToast, pushUndo, undo],
  );

  const moveTo = useCallback(
    (deal: Deal, stageId: string, rank: string, startedAt?: number) => {
      const result = moveDealToStage(deal, pipeline, stageId, at(), ws.user.id, rank);
      const stage = findStage(pipeline, stageId)?.name ?? '';
      const toast = stageId !== deal.stageId ? t('pipeline.movedToast', { title: deal.title, stage }) : null;
      return apply(deal, result, toast, startedAt);
    },
    [pipeline, ws.user.id, apply, t],
  );

  /** Closes a deal as won or lost; true when the rules allowed it (the card then leaves its column). */
  const close = useCallback(
    (deal: Deal, status: 'WON' | 'LOST', reason = '') => {
      const result =
        status === 'WON' ? markDealWon(deal, at(), ws.user.id) : markDealLost(deal, reason, at(), ws.user.id);
      apply(deal, result, t(status === 'WON' ? 'deals.wonToast' : 'deals.lostToast', { title: deal.title }));
      return result.ok;
    },
    [apply, t, ws.user.id],
  );

  return { live, moveTo, close };
}
