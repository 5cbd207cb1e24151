import { DragOverlay } from '@dnd-kit/core';
import { daysRotting } from '@domain/deal-lifecycle';
import type { Deal } from '@domain/schemas/deal';
import type { Stage } from '@domain/schemas/pipeline';
import type { UserProfile } from '@domain/schemas/user-profile';
import { DealCardBody } from './DealCard';

interface BoardDragOverlayProps {
  /** The card being dragged and the stage it was lifted from; null when no card is. */
  dragged: { deal: Deal; stage: Stage } | null;
  locale: string;
  now: string;
  users: ReadonlyMap<string, UserProfile>;
}

/** The card under the pointer while it is dragged: its face only, hidden from screen readers. */
export function BoardDragOverlay({ dragged, locale, now, users }: BoardDragOverlayProps) {
  return (
    <DragOverlay dropAnimation={null}>
      {dragged ? (
        <div className="deal-card is-overlay" aria-hidden="true">
          <DealCardBody
            deal={dragged.deal}
            locale={locale}
            owner={users.get(dragged.deal.ownerId)}
            rottingDays={daysRotting(dragged.deal, dragged.stage, now)}
          />
        </div>
      ) : null}
    </DragOverlay>
  );
}
