import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageEdit } from '@domain/pipeline-editing';
import type { Stage } from '@domain/schemas/pipeline';

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
  const id = useId();
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState(String(stage.probability));
  const [rotting, setRotting] = useState(String(stage.rottingDays));
  const probabilityOk = /^\d{1,3}$/.test(probability) && Number(probability) <= 100;
  const rottingOk = /^\d{1,4}$/.test(rotting) && Number(rotting) <= 3650;
  const valid = name.trim() !== '' && probabilityOk && rottingOk;
  const dirty =
    name !== stage.name || probability !== String(stage.probability) || rotting !== String(stage.rottingDays);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid && dirty) onSave({ name, probability: Number(probability), rottingDays: Number(rotting) });
  };
  return (
    <li className="stage-row">
      <form
        className="stage-row-form"
        onSubmit={submit}
        aria-label={t('pipeline.editor.stageGroup', { stage: stage.name })}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('pipeline.editor.stageName')}</label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field stage-row-number">
          <label htmlFor={`${id}-p`}>{t('pipeline.editor.probability')}</label>
          <input
            id={`${id}-p`}
            className="input"
            inputMode="numeric"
            value={probability}
            onChange={(e) => setProbability(e.target.value)}
            aria-invalid={probabilityOk ? undefined : true}
          />
        </div>
        <div className="field stage-row-number">
          <label htmlFor={`${id}-r`}>{t('pipeline.editor.rottingDays')}</label>
          <input
            id={`${id}-r`}
            className="input"
            inputMode="numeric"
            value={rotting}
            onChange={(e) => setRotting(e.target.value)}
            aria-invalid={rottingOk ? undefined : true}
          />
        </div>
        <div className="stage-row-actions">
          <button type="submit" className="btn btn-small" disabled={!valid || !dirty}>
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
