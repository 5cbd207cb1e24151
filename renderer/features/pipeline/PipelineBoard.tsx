import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DndContext } from '@dnd-kit/core';
import { hasFilters } from '@domain/board-rules';
import { activeStages } from '@domain/pipeline-rules';
import type { Deal } from '@domain/schemas/deal';
import type { Pipeline } from '@domain/schemas/pipeline';
import { useCan } from '../../auth/use-permissions';
import { useAriaShortcuts } from '../../commands/use-key-hints';
import { useRecordsById } from '../../db/use-rx';
import { settingLabel, useSettingItems } from '../../db/use-settings';
import { useUi } from '../../shell/ui-store';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { boardColumns, locateDeal } from './board-columns';
import { BOARD_COMMANDS } from './board-commands';
import { useBoard } from './board-store';
import { BoardDragOverlay } from './BoardDragOverlay';
import { BoardEmpty } from './BoardEmpty';
import { PipelineColumn } from './PipelineColumn';
import { useBoardDeals } from './use-board-deals';
import { useBoardDrag } from './use-board-drag';
import { useBoardKeyboardFocus } from './use-board-keyboard-focus';
import { useBoardMoves } from './use-board-moves';
import { useBoardSurface } from './use-board-surface';
import { useDropGate } from './use-drop-gate';
import { useNow } from './use-now';

/** Cards say how long they have been rotting; days change slowly. */
const CLOCK_EVERY_MS = 10 * 60_000;

/**
 * The Kanban board of one pipeline: columns of open deals, dragged with the mouse or dnd-kit's
 * keyboard sensor, with shortcuts for stage steps and closing, and optimistic writes with undo.
 */
export function PipelineBoard({ pipeline }: { pipeline: Pipeline }) {
  const { t, i18n } = useTranslation();
  const allowed = useCan();
  const openDrawer = useUi((s) => s.openDrawer);
  const filters = useBoard((s) => s.filters);
  const clearFilters = useBoard((s) => s.clearFilters);
  const lostReasons = useSettingItems('lost-reasons');
  const locale = i18n.language;

  const stages = useMemo(() => activeStages(pipeline), [pipeline]);
  const stageIds = useMemo(() => stages.map((s) => s.id), [stages]);
  const { data, hold, release } = useBoardDeals(pipeline.id, stageIds);
  // Before any other work of the render: a drop's render stops here until its write is stored.
  const gateDrop = useDropGate(hold, release);
  const now = useNow(CLOCK_EVERY_MS);
  const { live, moveTo, close } = useBoardMoves(pipeline, data);

  const columns = useMemo(
    () => boardColumns(stages, data, live, pipeline.id, filters),
    [stages, data, live, pipeline.id, filters],
  );
  const loaded = columns.length > 0 && columns.every((c) => data.has(c.stage.id));
  const complete = loaded && columns.every((c) => c.complete);

  const ownerIds = useMemo(() => {
    const ids = new Set<string>();
    for (const column of data.values()) for (const d of column.deals) ids.add(d.ownerId);
    return [...ids];
  }, [data]);
  const users = useRecordsById('users', ownerIds);

  const { boardRef, focusedId, setFocusedId, registerScroller, ...focus } = useBoardKeyboardFocus(columns, loaded);
  const { dndProps, activeId, draggedRecently } = useBoardDrag({
    pipeline,
    columns,
    moveTo,
    gateDrop,
    focusWhenShown: focus.focusWhenShown,
  });

  const openDeal = useCallback(
    (id: string) => {
      if (!draggedRecently()) openDrawer({ collection: 'deals', id });
    },
    [draggedRecently, openDrawer],
  );

  const [askLost, setAskLost] = useState<Deal | null>(null);
  const closeDeal = (deal: Deal, status: 'WON' | 'LOST', reason = '') => {
    const located = locateDeal(columns, deal.id);
    if (close(deal, status, reason) && located) focus.focusInPlaceOf(located);
  };

  useBoardSurface({
    boardRef,
    columns,
    activeId,
    focusCard: focus.focusCard,
    focusWhenShown: focus.focusWhenShown,
    scrollTo: focus.scrollTo,
    moveTo,
    closeWon: (deal) => closeDeal(deal, 'WON'),
    askLostReason: setAskLost,
  });
  const shortcuts = useAriaShortcuts(BOARD_COMMANDS);

  const canMove = useCallback((deal: Deal) => allowed('update', 'deals', deal), [allowed]);
  const active = activeId ? locateDeal(columns, activeId) : null;
  const total = columns.reduce((n, c) => n + c.deals.length, 0);

  return (
    <>
      {complete && total === 0 && (
        <BoardEmpty pipelineName={pipeline.name} filtered={hasFilters(filters)} onClearFilters={clearFilters} />
      )}
      <DndContext {...dndProps}>
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
        <BoardDragOverlay
          dragged={active ? { deal: active.deal, stage: columns[active.column]!.stage } : null}
          locale={locale}
          now={now}
          users={users}
        />
      </DndContext>
      {askLost && (
        <ReasonDialog
          title={t('deals.lostDialogTitle', { title: askLost.title })}
          label={t('deals.fields.lostReason')}
          options={lostReasons.map((r) => ({ value: r.key, label: settingLabel(t, 'lost-reasons', r) }))}
          confirmLabel={t('deals.confirmLost')}
          onCancel={() => {
            setAskLost(null);
            focus.focusNextFrame(askLost.id);
          }}
          onConfirm={(reason) => {
            setAskLost(null);
            closeDeal(askLost, 'LOST', reason);
          }}
        />
      )}
    </>
  );
}
