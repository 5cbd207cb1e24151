import { rankForIndex } from '@domain/board-rules';
import type { Deal } from '@domain/schemas/deal';

/** dnd-kit's droppable id of a column (PipelineColumn); cards are droppable by their deal id. */
export const COLUMN_PREFIX = 'column:';

interface Box {
  top: number;
  height: number;
}

export interface DropSpot {
  /** The card or column the card was released over. */
  overId: string;
  overRect: Box;
  /** The dragged card's box where it was released, when dnd-kit knows it. */
  dragged: Box | null;
  draggedId: string;
  /** The target column's cards as drawn (the dragged one among them when it stays in its column). */
  list: readonly Deal[];
  sameColumn: boolean;
  /** A card's height: "near the header" of a column is within one card of its top. */
  cardHeight: number;
}

/**
 * The rank a dropped card takes in the target column, or null when there is nowhere to put it or
 * it was dropped on its own place.
 */
export function dropRank(spot: DropSpot): string | null {
  const { overId, overRect, dragged, draggedId, list, sameColumn } = spot;
  const others = list.filter((d) => d.id !== draggedId);
  let index: number;
  if (overId.startsWith(COLUMN_PREFIX)) {
    // Dropped on the column itself: near its header means the top, anywhere else the end.
    index = (dragged?.top ?? 0) < overRect.top + spot.cardHeight ? 0 : others.length;
  } else if (sameColumn) {
    // Within a column dnd-kit's sortable semantics apply: the card takes the target's place.
    index = list.findIndex((d) => d.id === overId);
  } else {
    const overIndex = others.findIndex((d) => d.id === overId);
    const below = dragged ? dragged.top + dragged.height / 2 > overRect.top + overRect.height / 2 : false;
    index = overIndex + (below ? 1 : 0);
  }
  if (index < 0 || (sameColumn && list[index]?.id === draggedId)) return null;
  return rankForIndex(
    others.map((d) => d.rank),
    index,
  );
}
