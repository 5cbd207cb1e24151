import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  closestCorners,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DndContextProps,
  type DragEndEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { findStage } from '@domain/pipeline-rules';
import type { Deal } from '@domain/schemas/deal';
import type { Pipeline } from '@domain/schemas/pipeline';
import { boardAnnouncements } from './board-announcements';
import { locateDeal, type ColumnView } from './board-columns';
import { COLUMN_PREFIX, dropRank } from './drop-rank';
import { CARD_HEIGHT } from './PipelineColumn';
import { BoardKeyboardSensor, BoardPointerSensor } from './sensors';

/** The key code that starts dnd-kit's keyboard drag: sent only by the grab command (grabCard). */
const GRAB_CODE = 'OutpostGrab';
/** A click this soon after a drag ended is the drag's release, not a click on the card. */
const CLICK_AFTER_DRAG_MS = 250;

/** Cards first: when the pointer is over a card inside a column, the card is the target. */
const collisionDetection: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  if (within.length) {
    const cards = within.filter((c) => !String(c.id).startsWith(COLUMN_PREFIX));
    return cards.length ? [cards[0]!] : [within[0]!];
  }
  return closestCorners(args).slice(0, 1);
};

/** Starts dnd-kit's keyboard drag on a card, from whichever key the grab command is bound to. */
export function grabCard(card: Element | null | undefined) {
  card?.dispatchEvent(new KeyboardEvent('keydown', { code: GRAB_CODE, key: GRAB_CODE, bubbles: true }));
}

interface BoardDragOptions {
  pipeline: Pipeline;
  columns: readonly ColumnView[];
  moveTo(deal: Deal, stageId: string, rank: string, startedAt?: number): Promise<unknown> | null;
  /** The drop's render waits for this write (useDropGate). */
  gateDrop(written: Promise<unknown>): void;
  /** A keyboard drop keeps focus on the card in its new place. */
  focusWhenShown(dealId: string): void;
}

/** Dragging cards between and within columns: dnd-kit's props, the card being dragged, and the drop. */
export function useBoardDrag({ pipeline, columns, moveTo, gateDrop, focusWhenShown }: BoardDragOptions) {
  const { t } = useTranslation();
  const [activeId, setActiveId] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(BoardPointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(BoardKeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      // Enter opens the drawer on the board; the grab command (Space) picks a card up.
      keyboardCodes: { start: [GRAB_CODE], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  // A drop starts when the pointer is released (or the key pressed), not when dnd-kit gets round to
  // calling onDragEnd: the events' own timestamps, noted before any handler runs.
  // dnd-kit is told of the end a task later (./sensors): a click that follows the release must
  // already see that a drag just ended.
  const releasedAt = useRef(0);
  const dragging = useRef(false);
  const justDragged = useRef(0);
  useEffect(() => {
    const note = (event: Event) => {
      releasedAt.current = event.timeStamp;
      if (dragging.current && event.type === 'pointerup') justDragged.current = performance.now();
    };
    window.addEventListener('pointerup', note, true);
    window.addEventListener('keydown', note, true);
    return () => {
      window.removeEventListener('pointerup', note, true);
      window.removeEventListener('keydown', note, true);
    };
  }, []);
  const draggedRecently = useCallback(() => performance.now() - justDragged.current < CLICK_AFTER_DRAG_MS, []);

  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    dragging.current = false;
    // User timing for the pipeline benchmark's breakdown: when the drop handler itself ran.
    performance.mark('outpost:drop-handler');
    const now = performance.now();
    const droppedAt = now - releasedAt.current < 1000 ? Math.min(now, releasedAt.current) : now;
    setActiveId(null);
    justDragged.current = performance.now();
    const source = locateDeal(columns, String(active.id));
    if (!over || !source) return;
    const targetStageId = (over.data.current as { stageId?: string } | undefined)?.stageId;
    const target = columns.findIndex((c) => c.stage.id === targetStageId);
    if (target < 0) return;
    const rank = dropRank({
      overId: String(over.id),
      overRect: over.rect,
      dragged: active.rect.current.translated,
      draggedId: source.deal.id,
      list: columns[target]!.deals,
      sameColumn: target === source.column,
      cardHeight: CARD_HEIGHT,
    });
    if (rank === null) return;
    const written = moveTo(source.deal, columns[target]!.stage.id, rank, droppedAt);
    if (written) gateDrop(written);
    // A keyboard drag keeps the card focused in its new place, so the next keys act on it.
    if (activatorEvent instanceof KeyboardEvent) focusWhenShown(source.deal.id);
  };

  const titleOf = (id: string) => locateDeal(columns, id)?.deal.title ?? '';
  const stageName = (id: string) => findStage(pipeline, id)?.name ?? '';
  const dndProps: DndContextProps = {
    sensors,
    collisionDetection,
    onDragStart: (event) => {
      dragging.current = true;
      setActiveId(String(event.active.id));
    },
    onDragEnd,
    onDragCancel: () => {
      dragging.current = false;
      setActiveId(null);
    },
    accessibility: {
      announcements: boardAnnouncements(t, titleOf, stageName),
      screenReaderInstructions: { draggable: t('pipeline.dnd.instructions') },
    },
  };
  return { dndProps, activeId, draggedRecently };
}
