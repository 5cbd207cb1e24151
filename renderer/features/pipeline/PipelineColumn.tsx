import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ColumnSummary } from '@domain/board-rules';
import { daysRotting } from '@domain/deal-lifecycle';
import type { Deal } from '@domain/schemas/deal';
import type { Stage } from '@domain/schemas/pipeline';
import type { UserProfile } from '@domain/schemas/user-profile';
import { SortableDealCard } from './DealCard';
import { formatAmounts } from './format';

/** Cards have a fixed height, so the virtualizer never has to measure them. */
export const CARD_HEIGHT = 104;
const CARD_GAP = 8;

export interface ColumnProps {
  stage: Stage;
  deals: readonly Deal[];
  complete: boolean;
  summary: ColumnSummary;
  currency: string;
  locale: string;
  now: string;
  users: ReadonlyMap<string, UserProfile>;
  focusedId: string | null;
  canMove: (deal: Deal) => boolean;
  onFocusCard: (id: string) => void;
  onOpen: (id: string) => void;
  /** The board scrolls a column to a card before focusing it (J/K on a long column). */
  registerScroller: (stageId: string, scrollTo: ((index: number) => void) | null) => void;
}

/** One stage: its figures, and its cards virtualized so a column of thousands stays light. */
export const PipelineColumn = memo(function PipelineColumn(props: ColumnProps) {
  const { stage, deals, complete, summary, currency, locale, now, users, focusedId } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { setNodeRef, isOver } = useDroppable({ id: `column:${stage.id}`, data: { stageId: stage.id } });
  const virtualizer = useVirtualizer({
    count: deals.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT + CARD_GAP,
    overscan: 4,
    getItemKey: (index) => deals[index]?.id ?? index,
  });
  const { registerScroller } = props;
  useEffect(() => {
    registerScroller(stage.id, (index) => virtualizer.scrollToIndex(index, { align: 'auto' }));
    return () => registerScroller(stage.id, null);
  }, [registerScroller, stage.id, virtualizer]);

  // The same array while the column's cards are the same: SortableContext compares it on every render.
  const ids = useMemo(() => deals.map((d) => d.id), [deals]);
  const focusedHere = useMemo(() => focusedId !== null && ids.includes(focusedId), [ids, focusedId]);
  const headingId = `column-${stage.id}`;
  const items = virtualizer.getVirtualItems();
  return (
    <section
      ref={setNodeRef}
      className={`board-column${isOver ? ' is-over' : ''}`}
      aria-labelledby={headingId}
      data-stage-id={stage.id}
    >
      <header className="board-column-header">
        <h2 id={headingId} className="board-column-title">
          {stage.name}
        </h2>
        <div className="board-column-figures" aria-busy={!complete}>
          {complete ? (
            <>
              <span className="board-column-count">{t('pipeline.column.count', { count: summary.count })}</span>
              <span>
                <span className="visually-hidden">{t('pipeline.column.total')} </span>
                {formatAmounts(summary.total, locale, currency, true)}
              </span>
              <span className="muted">
                {t('pipeline.column.weighted', { value: formatAmounts(summary.weighted, locale, currency, true) })}
              </span>
            </>
          ) : (
            <span className="muted">{t('pipeline.column.loading')}</span>
          )}
        </div>
      </header>
      <SortableContext id={stage.id} items={ids} strategy={verticalListSortingStrategy}>
        <div
          ref={scrollRef}
          className="board-column-cards"
          role="list"
          aria-label={t('pipeline.column.cards', { stage: stage.name })}
        >
          {deals.length === 0 ? (
            <p className="board-column-empty">{t('pipeline.column.empty')}</p>
          ) : (
            <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const deal = deals[item.index]!;
                return (
                  <div
                    key={item.key}
                    role="listitem"
                    className="board-card-slot"
                    style={{ top: item.start, height: CARD_HEIGHT }}
                  >
                    <SortableDealCard
                      deal={deal}
                      locale={locale}
                      owner={users.get(deal.ownerId)}
                      rottingDays={daysRotting(deal, stage, now)}
                      tabStop={focusedHere ? deal.id === focusedId : item.index === 0}
                      focused={deal.id === focusedId}
                      disabled={!props.canMove(deal)}
                      onFocusCard={props.onFocusCard}
                      onOpen={props.onOpen}
                    />
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </SortableContext>
    </section>
  );
});
