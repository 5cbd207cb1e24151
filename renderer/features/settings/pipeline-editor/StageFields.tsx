import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGE_LIMITS, parseStageDraft, type StageDraft } from '@domain/pipeline-editing';

/**
 * A stage's name, default probability and rotting threshold, as the stage rows and the "add a
 * stage" form both edit them; the checks are domain/pipeline-editing's.
 */
export function StageFields({
  draft,
  onChange,
  nameLabel,
}: {
  draft: StageDraft;
  onChange: (draft: StageDraft) => void;
  nameLabel: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { probabilityOk, rottingDaysOk } = parseStageDraft(draft);
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-name`}>{nameLabel}</label>
        <input
          id={`${id}-name`}
          className="input"
          value={draft.name}
          maxLength={STAGE_LIMITS.maxNameLength}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
        />
      </div>
      <div className="field stage-row-number">
        <label htmlFor={`${id}-p`}>{t('pipeline.editor.probability')}</label>
        <input
          id={`${id}-p`}
          className="input"
          inputMode="numeric"
          value={draft.probability}
          onChange={(e) => onChange({ ...draft, probability: e.target.value })}
          aria-invalid={probabilityOk ? undefined : true}
        />
      </div>
      <div className="field stage-row-number">
        <label htmlFor={`${id}-r`}>{t('pipeline.editor.rottingDays')}</label>
        <input
          id={`${id}-r`}
          className="input"
          inputMode="numeric"
          value={draft.rottingDays}
          onChange={(e) => onChange({ ...draft, rottingDays: e.target.value })}
          aria-invalid={rottingDaysOk ? undefined : true}
        />
      </div>
    </>
  );
}
