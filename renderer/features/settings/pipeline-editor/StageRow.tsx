import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseStageDraft, type StageDraft, type StageEdit } from '@domain/pipeline-editing';
import type { Stage } from '@domain/schemas/pipeline';
import { StageFields } from './StageFields';

/** One active stage: name, default probability, rotting threshold, order and retirement. */
export function StageRow({
  stage,
  isFirst,
  isLast,
  canRetire,
  onSave,
  onMove,
  onRetire,
}: {
  stage: Stage;
  isFirst: boolean;
  isLast: boolean;
  canRetire: boolean;
  onSave: (edit: StageEdit) => void;
  onMove: (step: -1 | 1) => void;
  onRetire: () => void;
}) {
  const { t } = useTranslation();
  const saved: StageDraft = {
    name: stage.name,
    probability: String(stage.probability),
    rottingDays: String(stage.rottingDays),
  };
  const [draft, setDraft] = useState(saved);
  const { edit } = parseStageDraft(draft);
  const dirty =
    draft.name !== saved.name || draft.probability !== saved.probability || draft.rottingDays !== saved.rottingDays;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (edit && dirty) onSave(edit);
  };
  return (
    <li className="stage-row">
      <form
        className="stage-row-form"
        onSubmit={submit}
        aria-label={t('pipeline.editor.stageGroup', { stage: stage.name })}
      >
        <StageFields draft={draft} onChange={setDraft} nameLabel={t('pipeline.editor.stageName')} />
        <div className="stage-row-actions">
          <button type="submit" className="btn btn-small" disabled={!edit || !dirty}>
            {t('pipeline.editor.saveStage', { stage: stage.name })}
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-label={t('pipeline.editor.moveUp', { stage: stage.name })}
            title={t('pipeline.editor.moveUp', { stage: stage.name })}
            disabled={isFirst}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-label={t('pipeline.editor.moveDown', { stage: stage.name })}
            title={t('pipeline.editor.moveDown', { stage: stage.name })}
            disabled={isLast}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button type="button" className="btn btn-small btn-ghost" disabled={!canRetire} onClick={onRetire}>
            {t('pipeline.editor.retire', { stage: stage.name })}
          </button>
        </div>
      </form>
    </li>
  );
}
