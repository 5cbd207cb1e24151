import { use, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Kanban, SearchX } from 'lucide-react';
import {
  closestCorners,
  DndContext,
  DragOverlay,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import {
  compareCards,
  dealMatchesFilters,
  hasFilters,
  positionOf,
  rankForIndex,
  summarizeColumn,
  type ColumnSummary,
} from '@domain/board-rules';
import { daysRotting, markDealLost, markDealWon, moveDealToStage, type DealMove } from '@domain/deal-lifecycle';
import type { Result } from '@domain/errors';
import { activeStages, findStage } from '@domain/pipeline-rules';
import { rankBetween } from '@domain/ranks';
import type { Deal } from '@domain/schemas/deal';
import type { Pipeline, Stage } from '@domain/schemas/pipeline';
import { useCan } from '../../auth/use-permissions';
import { useAriaShortcuts } from '../../commands/use-key-hints';
import { useCommandSurface } from '../../commands/surfaces';
import { useRecordsById } from '../../db/use-rx';
import { settingLabel, useSettingItems } from '../../db/use-settings';
import { useWorkspace } from '../../db/workspace-context';
import { describeDomainErrors } from '../../i18n/domain-errors';
import { useUi } from '../../shell/ui-store';
import { EmptyState } from '../../ui/EmptyState';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { writeDealMove } from '../../db/deal-move-writes';
import { useBoard } from './board-store';
import { DealCardBody } from './DealCard';
import { BOARD_COMMANDS, type BoardSurface } from './board-commands';
import { pendingMoveShown } from './pending-move-shown';
import { BoardKeyboardSensor, BoardPointerSensor } from './sensors';
import { CARD_HEIGHT, PipelineColumn } from './PipelineColumn';
import { useBoardDeals, type ColumnData } from './use-board-deals';
import { useUndoBoardAction } from './use-undo';

interface Pending {
  deal: Deal;
  settled: boolean;
}

const NO_DEALS: readonly Deal[] = [];
/** Pending moves the column queries have shown (see livePending). */
const confirmedMoves = new WeakSet<Pending>();
/** Filtered columns by their unfiltered array: weakly held, so old columns are collected. */
const filterCache = new WeakMap<readonly Deal[], { filters: unknown; result: readonly Deal[] }>();
/** Column figures by the column's array: an untouched column keeps its summary, and skips rendering. */
const summaryCache = new WeakMap<readonly Deal[], { stage: Stage; summary: ColumnSummary }>();

function summaryOf(deals: readonly Deal[], stage: Stage): ColumnSummary {
  const cached = summaryCache.get(deals);
  if (cached && cached.stage === stage) return cached.summary;
  const summary = summarizeColumn(deals, stage);
  summaryCache.set(deals, { stage, summary });
  return summary;
}
const COLUMN_PREFIX = 'column:';
/** The key code that starts dnd-kit's keyboard drag: sent only by the grab command. */
const GRAB_CODE = 'OutpostGrab';

/**
 * How long the drop's re-render may wait for the move's write (see onDragEnd): two frames at most.
 * The card meanwhile stays in the drag overlay where it was released; the render starts as soon as
 * the write is stored, so the wait only reaches this cap when the write is slow. One frame (16 ms)
 * cut through the middle of the writes' times here (median ~16 ms): the slower half then had the
 * board's re-render, and its commit, in front of their last IndexedDB callbacks (p95 35–46 ms
 * against 21–23 ms with two frames).
 */
const DROP_PAINT_WAIT_MS = 32;

/** Resolves when the write has settled (either way) or after `ms`, whichever comes first. */
function settledWithin(written: Promise<unknown>, ms: number): Promise<void> {
  return Promise.race([
    written.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => setTimeout(resolve, ms)),
  ]);
}

/** Cards first: when the pointer is over a card inside a column, the card is the target. */
const collisionDetection: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  if (within.length) {
    const cards = within.filter((c) => !String(c.id).startsWith(COLUMN_PREFIX));
    return cards.length ? [cards[0]!] : [within[0]!];
  }
  return closestCorners(args).slice(0, 1);
};

/** A column's cards with the moves that are not stored yet applied, in rank order. */
function mergePending(
  base: readonly Deal[],
  stageId: string,
  pipelineId: string,
  pending: ReadonlyMap<string, Pending>,
): readonly Deal[] {
  if (pending.size === 0) return base;
  const incoming: Deal[] = [];
  for (const { deal } of pending.values()) {
    if (deal.status === 'OPEN' && deal.stageId === stageId && deal.pipelineId === pipelineId) incoming.push(deal);
  }
  const kept = base.filter((d) => !pending.has(d.id));
  if (incoming.length === 0 && kept.length === base.length) return base;
  for (const deal of incoming) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareCards(kept[mid]!, deal) < 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, deal);
  }
  return kept;
}

interface ColumnView {
  stage: Stage;
  deals: readonly Deal[];
  complete: boolean;
  summary: ColumnSummary;
}

/**
 * The Kanban board of one pipeline: columns of open deals, dragged with the mouse or dnd-kit's
 * keyboard sensor, with shortcuts for stage steps and closing, and optimistic writes with undo.
 */
export function PipelineBoard({ pipeline }: { pipeline: Pipeline }) {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const allowed = useCan();
  const openDrawer = useUi((s) => s.openDrawer);
  const showToast = useUi((s) => s.showToast);
  const filters = useBoard((s) => s.filters);
  const clearFilters = useBoard((s) => s.clearFilters);
  const pushUndo = useBoard((s) => s.pushUndo);
  const undo = useUndoBoardAction();
  const lostReasons = useSettingItems('lost-reasons');
  const locale = i18n.language;

  const stages = useMemo(() => activeStages(pipeline), [pipeline]);
  const stageIds = useMemo(() => stages.map((s) => s.id), [stages]);
  const { data, hold: holdColumns, release: releaseColumns } = useBoardDeals(pipeline.id, stageIds);
  const [pending, setPending] = useState<ReadonlyMap<string, Pending>>(new Map());
  // Set by a drop (always inside the transition ./sensors starts): the drop's render suspends on
  // it, so the board re-renders once the move is stored (or two frames later), not while
  // IndexedDB's callbacks for it are waiting for the main thread. A transition that suspends keeps
  // showing the board as it was; once committed the promise is settled, so later renders pass
  // straight on.
  const [dropGate, setDropGate] = useState<Promise<void> | null>(null);
  if (dropGate) use(dropGate);
  // The columns' own updates wait for the drop's render (useBoardDeals' hold): a column must not
  // change under a drag that has ended but not been drawn yet.
  useLayoutEffect(() => {
    if (dropGate) releaseColumns(dropGate);
  }, [dropGate, releaseColumns]);
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 10 * 60_000);
    return () => clearInterval(timer);
  }, []);

  // A move stays in `pending` from the drop until its write is stored and the columns' queries show
  // it (pending-move-shown.ts); from then on the query's own card is used (the entry itself goes a
  // moment later).
  const livePending = useMemo(() => {
    if (pending.size === 0) return pending;
    // Once the queries have shown an entry it is done with, for good: a later change of the deal
    // (an undo, another device) must not be hidden behind it until its 3 s timer removes it.
    const live = new Map(
      [...pending].filter(([, p]) => {
        if (p.settled && !confirmedMoves.has(p) && pendingMoveShown(p.deal, data, pipeline.id)) confirmedMoves.add(p);
        return !confirmedMoves.has(p);
      }),
    );
    return live.size === pending.size ? pending : live;
  }, [pending, data, pipeline.id]);

  // Filtering keeps each column's array when neither its cards nor the filters changed, so
  // untouched columns skip rendering after a move.
  const columns: ColumnView[] = useMemo(
    () =>
      stages.map((stage) => {
        const column: ColumnData | undefined = data.get(stage.id);
        const merged = mergePending(column?.deals ?? NO_DEALS, stage.id, pipeline.id, livePending);
        let deals = merged;
        if (hasFilters(filters)) {
          const cached = filterCache.get(merged);
          if (cached && cached.filters === filters) deals = cached.result;
          else {
            deals = merged.filter((d) => dealMatchesFilters(d, filters));
            filterCache.set(merged, { filters, result: deals });
          }
        }
        return { stage, deals, complete: column?.complete ?? false, summary: summaryOf(deals, stage) };
      }),
    [stages, data, livePending, pipeline.id, filters],
  );
  const loaded = columns.length > 0 && columns.every((c) => data.has(c.stage.id));
  const complete = loaded && columns.every((c) => c.complete);
  const dealById = useCallback(
    (id: string): { deal: Deal; column: number; index: number } | null => {
      for (let c = 0; c < columns.length; c++) {
        const index = columns[c]!.deals.findIndex((d) => d.id === id);
        if (index >= 0) return { deal: columns[c]!.deals[index]!, column: c, index };
      }
      return null;
    },
    [columns],
  );

  const ownerIds = useMemo(() => {
    const ids = new Set<string>();
    for (const column of data.values()) for (const d of column.deals) ids.add(d.ownerId);
    return [...ids];
  }, [data]);
  const users = useRecordsById('users', ownerIds);

  const dropPending = useCallback((id: string, deal: Deal) => {
    setPending((prev) => {
      if (prev.get(id)?.deal !== deal) return prev;
      const next = new Map(prev);
      next.delete(id);
      return next;
    });
  }, []);

  /** Optimistic: the card moves now; the write follows; a failure puts it back and says why. */
  const apply = useCallback(
    (deal: Deal, result: Result<DealMove | null>, toast: string | null, startedAt = performance.now()) => {
      if (!result.ok) {
        showToast(describeDomainErrors(t, result.errors).join(' '));
        return null;
      }
      const move = result.value;
      if (!move) return null;
      const after = { ...deal, ...move.patch } as Deal;
      // The write first: RxDB reaches IndexedDB in the microtasks after this handler, and no
      // React work should come before it (see ./sensors and the drop gate above).
      const written = writeDealMove(ws, deal.id, move);
      setPending((prev) => new Map(prev).set(deal.id, { deal: after, settled: false }));
      const undoId = pushUndo({
        dealId: deal.id,
        title: deal.title,
        before: positionOf(deal),
        after: positionOf(after),
        written: written.catch(() => undefined),
      });
      written.then(
        () => {
          // User timing, read by the pipeline benchmark: from the drop (or key) to both writes stored.
          performance.measure('outpost:drop-persisted', { start: startedAt });
          setPending((prev) => {
            const entry = prev.get(deal.id);
            if (entry?.deal !== after) return prev;
            return new Map(prev).set(deal.id, { deal: after, settled: true });
          });
          // A column whose full read has not arrived yet cannot confirm the move: let go anyway.
          setTimeout(() => dropPending(deal.id, after), 3000);
          // The toast comes once the move is stored: drawing it sooner would only delay the write.
          if (toast) showToast(toast, { label: t('common.undo'), run: () => void undo(undoId) });
        },
        (error: unknown) => {
          dropPending(deal.id, after);
          useBoard.getState().takeUndo(undoId);
          showToast(t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) }));
        },
      );
      return written;
    },
    [ws, t, showToast, pushUndo, undo, dropPending],
  );

  const stageName = useCallback((id: string) => findStage(pipeline, id)?.name ?? '', [pipeline]);
  const at = () => new Date().toISOString();

  const moveTo = useCallback(
    (deal: Deal, stageId: string, rank: string, startedAt?: number) => {
      const result = moveDealToStage(deal, pipeline, stageId, at(), ws.user.id, rank);
      const toast =
        stageId !== deal.stageId ? t('pipeline.movedToast', { title: deal.title, stage: stageName(stageId) }) : null;
      return apply(deal, result, toast, startedAt);
    },
    [pipeline, ws.user.id, apply, t, stageName],
  );

  // ── focus ─────────────────────────────────────────────────────────────────────────────────
  const boardRef = useRef<HTMLDivElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const scrollers = useRef(new Map<string, (index: number) => void>());
  const registerScroller = useCallback((stageId: string, scrollTo: ((index: number) => void) | null) => {
    if (scrollTo) scrollers.current.set(stageId, scrollTo);
    else scrollers.current.delete(stageId);
  }, []);
  /** Focus a card once it is in the DOM: after a column scrolled to it, or after it moved columns. */
  const focusWhenShown = useCallback((id: string, arriving = false) => {
    setFocusedId(id);
    // The card may take a few renders to appear (a column query catching up with a write): keep
    // looking for up to two seconds, a frame at a time.
    const giveUpAt = performance.now() + 2_000;
    const attempt = () => {
      // Never pull focus back once the user has moved it elsewhere (a filter field, the drawer),
      // except from the navigation link that brought them here.
      const current = document.activeElement;
      const elsewhere = current && current !== document.body && !boardRef.current?.contains(current);
      if (elsewhere && !(arriving && current.closest('nav'))) return;
      const node = boardRef.current?.querySelector<HTMLElement>(`[data-deal-id="${id}"]`);
      if (node) node.focus();
      else if (performance.now() < giveUpAt) requestAnimationFrame(attempt);
    };
    requestAnimationFrame(attempt);
  }, []);
  const focusCard = useCallback(
    (column: number, index: number, arriving = false) => {
      const view = columns[column];
      const deal = view?.deals[Math.max(0, Math.min(index, view.deals.length - 1))];
      if (!view || !deal) return;
      scrollers.current.get(view.stage.id)?.(view.deals.indexOf(deal));
      focusWhenShown(deal.id, arriving);
    },
    [columns, focusWhenShown],
  );

  // An undone move puts its card back: focus follows it (board-store's focusRequest).
  const focusRequest = useBoard((s) => s.focusRequest);
  useEffect(() => {
    if (!focusRequest) return;
    const frame = requestAnimationFrame(() => focusWhenShown(focusRequest.dealId));
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, focusWhenShown]);
  // Arriving from the keyboard, the first card takes focus once the board has loaded.
  const firstColumnWithDeals = columns.findIndex((c) => c.deals.length > 0);
  useEffect(() => {
    if (!loaded || firstColumnWithDeals < 0) return;
    const frame = requestAnimationFrame(() => {
      if (useUi.getState().takeArrivalFocus('pipeline')) focusCard(firstColumnWithDeals, 0, true);
    });
    return () => cancelAnimationFrame(frame);
  }, [loaded, firstColumnWithDeals, focusCard]);

  const justDragged = useRef(0);
  const openDeal = useCallback(
    (id: string) => {
      if (performance.now() - justDragged.current < 250) return;
      openDrawer({ collection: 'deals', id });
    },
    [openDrawer],
  );

  // ── closing ─────────────────────────────────────────────────────────────────────────────────
  const [askLost, setAskLost] = useState<Deal | null>(null);
  const closeDeal = useCallback(
    (deal: Deal, status: 'WON' | 'LOST', reason = '') => {
      const located = dealById(deal.id);
      const result =
        status === 'WON' ? markDealWon(deal, at(), ws.user.id) : markDealLost(deal, reason, at(), ws.user.id);
      apply(
        deal,
        result,
        t(status === 'WON' ? 'deals.wonToast' : 'deals.lostToast', {
          title: deal.title,
        }),
      );
      // Focus stays in the column: on the card that takes the closed one's place.
      if (result.ok && located) {
        const next = columns[located.column]!.deals.filter((d) => d.id !== deal.id)[located.index];
        const fallback = columns[located.column]!.deals.filter((d) => d.id !== deal.id).at(-1);
        const target = next ?? fallback;
        if (target) {
          setFocusedId(target.id);
          requestAnimationFrame(() =>
            boardRef.current?.querySelector<HTMLElement>(`[data-deal-id="${target.id}"]`)?.focus(),
          );
        }
      }
    },
    [apply, columns, dealById, t, ws.user.id],
  );

  // ── drag and drop ──────────────────────────────────────────────────────────────────────────
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

  const onDragStart = (event: DragStartEvent) => {
    dragging.current = true;
    setActiveId(String(event.active.id));
  };
  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    dragging.current = false;
    // User timing for the pipeline benchmark's breakdown: when the drop handler itself ran.
    performance.mark('outpost:drop-handler');
    const now = performance.now();
    const droppedAt = now - releasedAt.current < 1000 ? Math.min(now, releasedAt.current) : now;
    setActiveId(null);
    justDragged.current = performance.now();
    const source = dealById(String(active.id));
    if (!over || !source) return;
    const overId = String(over.id);
    const targetStageId = (over.data.current as { stageId?: string } | undefined)?.stageId;
    const target = columns.findIndex((c) => c.stage.id === targetStageId);
    if (target < 0) return;
    const list = columns[target]!.deals;
    const others = list.filter((d) => d.id !== source.deal.id);
    let index: number;
    if (overId.startsWith(COLUMN_PREFIX)) {
      // Dropped on the column itself: near its header means the top, anywhere else the end.
      const dropY = active.rect.current.translated?.top ?? 0;
      index = dropY < over.rect.top + CARD_HEIGHT ? 0 : others.length;
    } else if (target === source.column) {
      // Within a column dnd-kit's sortable semantics apply: the card takes the target's place.
      index = list.findIndex((d) => d.id === overId);
    } else {
      const overIndex = others.findIndex((d) => d.id === overId);
      const translated = active.rect.current.translated;
      const below = translated ? translated.top + translated.height / 2 > over.rect.top + over.rect.height / 2 : false;
      index = overIndex + (below ? 1 : 0);
    }
    if (index < 0) return;
    if (target === source.column && list[index]?.id === source.deal.id) return;
    const written = moveTo(
      source.deal,
      columns[target]!.stage.id,
      rankForIndex(
        others.map((d) => d.rank),
        index,
      ),
      droppedAt,
    );
    if (written) {
      const gate = settledWithin(written, DROP_PAINT_WAIT_MS);
      holdColumns(gate);
      setDropGate(gate);
    }
    // A keyboard drag keeps the card focused in its new place, so the next keys act on it.
    if (activatorEvent instanceof KeyboardEvent) focusWhenShown(source.deal.id);
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('pipeline.dnd.picked', { title: dealById(String(active.id))?.deal.title ?? '' }),
    onDragOver: ({ active, over }) => {
      const title = dealById(String(active.id))?.deal.title ?? '';
      const stageId = (over?.data.current as { stageId?: string } | undefined)?.stageId;
      return stageId
        ? t('pipeline.dnd.over', { title, stage: stageName(stageId) })
        : t('pipeline.dnd.outside', { title });
    },
    onDragEnd: ({ active, over }) => {
      const title = dealById(String(active.id))?.deal.title ?? '';
      const stageId = (over?.data.current as { stageId?: string } | undefined)?.stageId;
      return stageId
        ? t('pipeline.dnd.dropped', { title, stage: stageName(stageId) })
        : t('pipeline.dnd.cancelled', { title });
    },
    onDragCancel: ({ active }) => t('pipeline.dnd.cancelled', { title: dealById(String(active.id))?.deal.title ?? '' }),
  };

  // ── commands ───────────────────────────────────────────────────────────────────────────────
  // The board's keys are commands (./board-commands, dispatched by the shell): this is what they act on.
  const surface: BoardSurface = {
    cardAt(target) {
      if (activeId || !(target instanceof HTMLElement) || !boardRef.current?.contains(target)) return null;
      const card = target.closest<HTMLElement>('[data-deal-id]');
      // A card held by the keyboard sensor is mid-drag: its arrows, Space and Enter are dnd-kit's.
      if (!card || card.getAttribute('aria-pressed') === 'true') return null;
      return dealById(card.dataset.dealId!) ? card.dataset.dealId! : null;
    },
    walk(dealId, direction) {
      const located = dealById(dealId);
      if (!located) return;
      const { column, index } = located;
      if (direction === 'down' || direction === 'up') {
        focusCard(column, index + (direction === 'down' ? 1 : -1));
        return;
      }
      const step = direction === 'left' ? -1 : 1;
      let next = column + step;
      while (next >= 0 && next < columns.length && columns[next]!.deals.length === 0) next += step;
      if (next >= 0 && next < columns.length) focusCard(next, Math.min(index, columns[next]!.deals.length - 1));
    },
    step(dealId, step) {
      const located = dealById(dealId);
      if (!located || !allowed('update', 'deals', located.deal)) return;
      const { deal, column } = located;
      const to = columns[column + step];
      if (!to) {
        showToast(t(step === 1 ? 'pipeline.lastStage' : 'pipeline.firstStage', { title: deal.title }));
        return;
      }
      // Stepped deals go to the top of their new column, where the eye follows them.
      const first = to.deals.find((d) => d.id !== deal.id);
      moveTo(deal, to.stage.id, rankBetween(null, first?.rank ?? null), performance.now());
      // The card is now at the top of the next column: focus goes with it.
      scrollers.current.get(to.stage.id)?.(0);
      focusWhenShown(deal.id);
    },
    close(dealId, status) {
      const deal = dealById(dealId)?.deal;
      if (!deal || !allowed('close', 'deals', deal)) return;
      if (status === 'WON') closeDeal(deal, 'WON');
      else setAskLost(deal);
    },
    open(dealId) {
      openDrawer({ collection: 'deals', id: dealId });
    },
    grab(dealId) {
      // dnd-kit's keyboard sensor starts on a key code no keyboard sends (GRAB_CODE), so the drag
      // starts from whichever key the grab command is bound to.
      boardRef.current
        ?.querySelector(`[data-deal-id="${dealId}"]`)
        ?.dispatchEvent(new KeyboardEvent('keydown', { code: GRAB_CODE, key: GRAB_CODE, bubbles: true }));
    },
  };
  useCommandSurface('board', surface);
  const shortcuts = useAriaShortcuts(BOARD_COMMANDS);

  const canMove = useCallback((deal: Deal) => allowed('update', 'deals', deal), [allowed]);
  const active = activeId ? dealById(activeId) : null;
  const activeStage = active ? columns[active.column]!.stage : undefined;
  const filtered = hasFilters(filters);
  const total = columns.reduce((n, c) => n + c.deals.length, 0);

  return (
    <>
      {complete && total === 0 && (
        <div className="board-empty">
          {filtered ? (
            <EmptyState
              icon={SearchX}
              title={t('pipeline.noMatches')}
              hint={t('pipeline.noMatchesHint')}
              action={
                <button type="button" className="btn" onClick={clearFilters}>
                  {t('pipeline.filters.clear')}
                </button>
              }
            />
          ) : (
            <EmptyState
              icon={Kanban}
              title={t('pipeline.emptyBoard', { pipeline: pipeline.name })}
              hint={t('pipeline.emptyBoardHint')}
            />
          )}
        </div>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          dragging.current = false;
          setActiveId(null);
        }}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('pipeline.dnd.instructions') },
        }}
      >
        <div
          ref={boardRef}
          className="board"
          role="region"
          aria-label={t('pipeline.boardLabel', { pipeline: pipeline.name })}
          aria-keyshortcuts={shortcuts}
          data-command-scope="board"
          aria-busy={!loaded}
          data-loaded={loaded ? 'true' : 'false'}
          data-complete={complete ? 'true' : 'false'}
        >
          {columns.map((column) => (
            <PipelineColumn
              key={column.stage.id}
              stage={column.stage}
              deals={column.deals}
              complete={column.complete}
              summary={column.summary}
              currency={pipeline.currency}
              locale={locale}
              now={now}
              users={users}
              focusedId={focusedId}
              canMove={canMove}
              onFocusCard={setFocusedId}
              onOpen={openDeal}
              registerScroller={registerScroller}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {active && activeStage ? (
            <div className="deal-card is-overlay" aria-hidden="true">
              <DealCardBody
                deal={active.deal}
                locale={locale}
                owner={users.get(active.deal.ownerId)}
                rottingDays={daysRotting(active.deal, activeStage, now)}
              />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      {askLost && (
        <ReasonDialog
          title={t('deals.lostDialogTitle', { title: askLost.title })}
          label={t('deals.fields.lostReason')}
          options={lostReasons.map((r) => ({ value: r.key, label: settingLabel(t, 'lost-reasons', r) }))}
          confirmLabel={t('deals.confirmLost')}
          onCancel={() => {
            const id = askLost.id;
            setAskLost(null);
            requestAnimationFrame(() =>
              boardRef.current?.querySelector<HTMLElement>(`[data-deal-id="${id}"]`)?.focus(),
            );
          }}
          onConfirm={(reason) => {
            const deal = askLost;
            setAskLost(null);
            closeDeal(deal, 'LOST', reason);
          }}
        />
      )}
    </>
  );
}
