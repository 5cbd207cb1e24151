import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { rankBetween } from '@domain/ranks';
import type { Deal } from '@domain/schemas/deal';
import { useCan } from '../../auth/use-permissions';
import { useCommandSurface } from '../../commands/surfaces';
import { useUi } from '../../shell/ui-store';
import { locateDeal, type ColumnView } from './board-columns';
import type { BoardSurface } from './board-commands';
import { grabCard } from './use-board-drag';

interface BoardSurfaceOptions {
  boardRef: RefObject<HTMLDivElement | null>;
  columns: readonly ColumnView[];
  /** The card being dragged, if any: while it is, the keys are dnd-kit's. */
  activeId: string | null;
  focusCard(column: number, index: number): void;
  focusWhenShown(dealId: string): void;
  scrollTo(stageId: string, index: number): void;
  moveTo(deal: Deal, stageId: string, rank: string, startedAt?: number): unknown;
  closeWon(deal: Deal): void;
  askLostReason(deal: Deal): void;
}

/**
 * What the board's keys act on (./board-commands, dispatched by the shell's command registry): the
 * focused card, walked, stepped to another stage, closed, opened or picked up.
 */
export function useBoardSurface(options: BoardSurfaceOptions): void {
  const { boardRef, columns, activeId } = options;
  const { t } = useTranslation();
  const allowed = useCan();
  const openDrawer = useUi((s) => s.openDrawer);
  const showToast = useUi((s) => s.showToast);
  const surface: BoardSurface = {
    cardAt(target) {
      if (activeId || !(target instanceof HTMLElement) || !boardRef.current?.contains(target)) return null;
      const card = target.closest<HTMLElement>('[data-deal-id]');
      // A card held by the keyboard sensor is mid-drag: its arrows, Space and Enter are dnd-kit's.
      if (!card || card.getAttribute('aria-pressed') === 'true') return null;
      return locateDeal(columns, card.dataset.dealId!) ? card.dataset.dealId! : null;
    },
    walk(dealId, direction) {
      const located = locateDeal(columns, dealId);
      if (!located) return;
      const { column, index } = located;
      if (direction === 'down' || direction === 'up') {
        options.focusCard(column, index + (direction === 'down' ? 1 : -1));
        return;
      }
      const step = direction === 'left' ? -1 : 1;
      let next = column + step;
      while (next >= 0 && next < columns.length && columns[next]!.deals.length === 0) next += step;
      if (next >= 0 && next < columns.length) options.focusCard(next, Math.min(index, columns[next]!.deals.length - 1));
    },
    step(dealId, step) {
      const located = locateDeal(columns, dealId);
      if (!located || !allowed('update', 'deals', located.deal)) return;
      const { deal, column } = located;
      const to = columns[column + step];
      if (!to) {
        showToast(t(step === 1 ? 'pipeline.lastStage' : 'pipeline.firstStage', { title: deal.title }));
        return;
      }
      // Stepped deals go to the top of their new column, where the eye follows them.
      const first = to.deals.find((d) => d.id !== deal.id);
      options.moveTo(deal, to.stage.id, rankBetween(null, first?.rank ?? null), performance.now());
      // The card is now at the top of the next column: focus goes with it.
      options.scrollTo(to.stage.id, 0);
      options.focusWhenShown(deal.id);
    },
    close(dealId, status) {
      const deal = locateDeal(columns, dealId)?.deal;
      if (!deal || !allowed('close', 'deals', deal)) return;
      if (status === 'WON') options.closeWon(deal);
      else options.askLostReason(deal);
    },
    open(dealId) {
      openDrawer({ collection: 'deals', id: dealId });
    },
    grab(dealId) {
      grabCard(boardRef.current?.querySelector(`[data-deal-id="${dealId}"]`));
    },
  };
  useCommandSurface('board', surface);
}
