import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeStages } from '@domain/pipeline-rules';
import type { Pipeline, Stage } from '@domain/schemas/pipeline';
import { useRxQuery } from '../../../db/use-rx';
import { ModalDialog } from '../../../ui/ModalDialog';

/** Asks where the retiring stage's open deals go, then shows the moves as they are written. */
export function RetireStageDialog({
  pipeline,
  stage,
  progress,
  onConfirm,
  onCancel,
}: {
  pipeline: Pipeline;
  stage: Stage;
  progress: { done: number; total: number } | null;
  onConfirm: (targetStageId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const targets = activeStages(pipeline).filter((s) => s.id !== stage.id);
  const [target, setTarget] = useState(targets[0]?.id ?? '');
  const { docs, loading } = useRxQuery('deals', {
    selector: { pipelineId: pipeline.id, status: 'OPEN', stageId: stage.id, deletedAt: null },
  });
  const busy = progress !== null;
  return (
    <ModalDialog
      title={t('pipeline.editor.retireTitle', { stage: stage.name })}
      onCancel={() => {
        if (!busy) onCancel();
      }}
      actions={
        <>
          <button type="button" className="btn" disabled={busy} onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || loading || !target}
            onClick={() => onConfirm(target)}
          >
            {t('pipeline.editor.retireConfirm')}
          </button>
        </>
      }
    >
      <p>{t('pipeline.editor.retireBody', { count: docs.length })}</p>
      <div className="field">
        <label htmlFor={id}>{t('pipeline.editor.retireTarget')}</label>
        <select id={id} className="select" value={target} disabled={busy} onChange={(e) => setTarget(e.target.value)}>
          {targets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {progress && (
        <p role="status" className="muted">
          {t('pipeline.editor.retiring', progress)}
        </p>
      )}
    </ModalDialog>
  );
}
