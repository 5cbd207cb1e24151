import { Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Kanban } from 'lucide-react';
import { useCan } from '../../auth/use-permissions';
import { usePipelines } from '../../db/use-settings';
import { useUi } from '../../shell/ui-store';
import { EmptyState } from '../../ui/EmptyState';
import { useBoard } from './board-store';
import { FilterBar } from './FilterBar';
import { PipelineBoard } from './PipelineBoard';
import { PipelineSelect } from './PipelineSelect';
import { useCommandSurface } from '../../commands/surfaces';
import { useKeyHint } from '../../commands/use-key-hints';
import { useUndoBoardAction } from './use-undo';
import type { PipelineSwitchSurface } from './board-commands';
import './pipeline.css';
import { StillArrivingNotice } from '../record-list';

/** The Pipeline section: a pipeline switcher, filters and the board. */
export function PipelinePage() {
  const { t } = useTranslation();
  const id = useId();
  const { pipelines, loading } = usePipelines();
  const chosen = useBoard((s) => s.pipelineId);
  const choosePipeline = useBoard((s) => s.choosePipeline);
  const filtersCleared = useBoard((s) => s.filtersCleared);
  const openDrawer = useUi((s) => s.openDrawer);
  const allowed = useCan();
  // Mod+Z (the shell's undo command) takes back the last board action while the board is on screen.
  const undo = useUndoBoardAction();
  useCommandSurface('undo', () => void undo());
  const createHint = useKeyHint('record.create');
  // "Switch to the next pipeline" (the palette) goes round the pipelines in their order.
  useCommandSurface<PipelineSwitchSurface>(
    'pipelines',
    pipelines.length > 1
      ? {
          next: () => {
            const shown = pipelines.find((p) => p.id === chosen) ?? pipelines.find((p) => p.isDefault) ?? pipelines[0];
            choosePipeline(pipelines[(pipelines.indexOf(shown!) + 1) % pipelines.length]!.id);
          },
        }
      : null,
  );
  if (loading) return null;
  const pipeline = pipelines.find((p) => p.id === chosen) ?? pipelines.find((p) => p.isDefault) ?? pipelines[0];
  if (!pipeline) {
    return <EmptyState icon={Kanban} title={t('pipeline.noPipelines')} hint={t('pipeline.noPipelinesHint')} />;
  }
  return (
    <div className="pipeline-page">
      <div className="page-toolbar board-toolbar">
        <PipelineSelect
          className="field board-switcher"
          label={t('pipeline.switcher')}
          pipelines={pipelines}
          value={pipeline.id}
          onChange={choosePipeline}
        />
        <p className="board-hint muted" id={`${id}-hint`}>
          {t('pipeline.shortcutsHint')}
        </p>
        <div className="toolbar-spacer" />
        {allowed('create', 'deals') && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => openDrawer({ collection: 'deals', id: 'new' })}
            aria-keyshortcuts={createHint.aria}
            title={createHint.text ? t('commands.keyHint', { keys: createHint.text }) : undefined}
          >
            + {t('deals.new')}
          </button>
        )}
      </div>
      <FilterBar key={filtersCleared} currency={pipeline.currency} />
      {/* While deals still arrive (a long sync), a column's few cards are not all there are. */}
      <StillArrivingNotice section="deals" />
      {/* A drop's render waits briefly for its write inside a transition (use-drop-gate): the board
          stays as it is meanwhile; this boundary's fallback is never shown for it. */}
      <Suspense fallback={null}>
        <PipelineBoard key={pipeline.id} pipeline={pipeline} />
      </Suspense>
    </div>
  );
}
