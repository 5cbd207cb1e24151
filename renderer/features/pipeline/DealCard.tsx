import { memo, useEffect, useMemo, useRef, type CSSProperties, type HTMLAttributes, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Deal } from '@domain/schemas/deal';
import type { UserProfile } from '@domain/schemas/user-profile';
import { useRxQuery } from '../../db/use-rx';
import { formatAmount, formatDay } from './format';

export interface CardContext {
  locale: string;
  owner: UserProfile | undefined;
  /** Days beyond the stage's rotting threshold; 0 when fresh. */
  rottingDays: number;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** The next open activity of the deal, from the (dealId, dueAt) index. */
function NextActivity({ dealId, locale }: { dealId: string; locale: string }) {
  const { t } = useTranslation();
  const { docs } = useRxQuery('activities', {
    selector: { dealId, completedAt: null, deletedAt: null },
    sort: [{ dueAt: 'asc' }],
    limit: 1,
  });
  const next = docs[0];
  if (!next) return <span className="deal-card-next muted">{t('pipeline.card.noActivity')}</span>;
  return (
    <span className="deal-card-next" title={next.subject}>
      {t('pipeline.card.nextActivity', {
        type: t(`activities.types.${next.type}`),
        date: formatDay(next.dueAt, locale),
      })}
    </span>
  );
}

/** The card's face; pure, so the hundreds of cards a drag re-renders stay cheap. */
export const DealCardBody = memo(function DealCardBody({ deal, ...ctx }: { deal: Deal } & CardContext) {
  const { t } = useTranslation();
  return (
    <>
      <div className="deal-card-top">
        <span className="deal-card-title">{deal.title}</span>
        {ctx.owner && (
          <span
            className="avatar"
            title={ctx.owner.name}
            aria-hidden="true"
            style={{ '--avatar-hue': ctx.owner.avatarHue } as CSSProperties}
          >
            {initials(ctx.owner.name)}
          </span>
        )}
      </div>
      <div className="deal-card-meta">
        <span className="deal-card-value">{formatAmount(deal.value, ctx.locale)}</span>
        {deal.expectedCloseDate && (
          <span className="deal-card-date" title={t('deals.fields.expectedCloseDate')}>
            {formatDay(deal.expectedCloseDate, ctx.locale)}
          </span>
        )}
      </div>
      <div className="deal-card-foot">
        <NextActivity dealId={deal.id} locale={ctx.locale} />
        {ctx.rottingDays > 0 && (
          <span className="deal-card-rotting" title={t('pipeline.card.rottingLabel', { count: ctx.rottingDays })}>
            {/* "+3d" is for the eye; a screen reader says the days in words. */}
            <span aria-hidden="true">{t('pipeline.card.rotting', { count: ctx.rottingDays })}</span>
            <span className="visually-hidden">{t('pipeline.card.rottingLabel', { count: ctx.rottingDays })}</span>
          </span>
        )}
      </div>
    </>
  );
});

/**
 * A draggable card: mouse, touch and dnd-kit's keyboard sensor (Space, arrows, Space). Its face
 * is its accessible name (title, value, close date, next activity), so what a screen reader says
 * and what speech control matches start with what the eye reads; the column's region names the
 * stage. Memoized
 * on plain props: a column that re-renders (a move, a query update) re-renders only the cards that
 * changed; dnd-kit's own context still reaches every card while a drag starts and ends.
 */
export const SortableDealCard = memo(function SortableDealCard({
  deal,
  locale,
  owner,
  rottingDays,
  tabStop,
  focused,
  disabled,
  onFocusCard,
  onOpen,
  cardRef,
}: {
  deal: Deal;
  tabStop: boolean;
  focused: boolean;
  disabled: boolean;
  onFocusCard: (id: string) => void;
  onOpen: (id: string) => void;
  cardRef?: Ref<HTMLDivElement>;
} & CardContext) {
  const { t } = useTranslation();
  // dnd-kit's context re-renders every mounted card when a drag starts and ends: the string is
  // built once per card, not on each of those renders.
  const sortableAttributes = useMemo(() => ({ roleDescription: t('pipeline.card.roleDescription') }), [t]);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: deal.id,
    attributes: sortableAttributes,
    data: { stageId: deal.stageId },
    disabled,
    // No FLIP animation after a drop: measuring every card then forces a layout while the move is
    // being written, and the card is already where it was dropped.
    animateLayoutChanges: () => false,
  });
  const ctx: CardContext = { locale, owner, rottingDays };
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition };
  const props: HTMLAttributes<HTMLDivElement> = {
    ...attributes,
    ...listeners,
    role: 'button',
    tabIndex: tabStop ? 0 : -1,
  };
  // The board's focused card, drawn anew (moved back by an undo, or re-rendered by its column's
  // query) while focus had nowhere to go: it takes focus again, so the next key acts on it.
  const node = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (focused && (document.activeElement === document.body || document.activeElement === null)) {
      node.current?.focus({ preventScroll: true });
    }
  }, [focused]);
  return (
    <div
      ref={(element) => {
        node.current = element;
        setNodeRef(element);
        if (typeof cardRef === 'function') cardRef(element);
      }}
      {...props}
      className={`deal-card${isDragging ? ' is-dragging' : ''}${focused ? ' is-focused' : ''}${rottingDays > 0 ? ' is-rotting' : ''}`}
      data-deal-id={deal.id}
      style={style}
      onFocus={() => onFocusCard(deal.id)}
      onClick={() => onOpen(deal.id)}
    >
      <DealCardBody deal={deal} {...ctx} />
    </div>
  );
});
