import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewNameProblem } from '@domain/record-views/saved-view-rules';
import { ModalDialog } from '../../ui/ModalDialog';

/** Asks for a view's name ("Save as new view…", "Rename…"); the caller checks it and says what is wrong. */
export function ViewNameDialog({
  title,
  initial,
  check,
  onConfirm,
  onCancel,
}: {
  title: string;
  initial: string;
  check: (name: string) => { ok: true; name: string } | { ok: false; problem: ViewNameProblem };
  onConfirm: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const errorId = useId();
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<ViewNameProblem | null>(null);
  const submit = () => {
    const result = check(name);
    if (result.ok) onConfirm(result.name);
    else setProblem(result.problem);
  };
  return (
    <ModalDialog
      title={title}
      onCancel={onCancel}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('common.save')}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={inputId}>{t('savedViews.nameLabel')}</label>
        <input
          id={inputId}
          className="input"
          value={name}
          autoFocus
          aria-invalid={problem !== null}
          aria-describedby={problem ? errorId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setProblem(null);
          }}
        />
        {problem && (
          <p id={errorId} className="field-error" role="alert">
            {t(`savedViews.nameProblem.${problem}`)}
          </p>
        )}
      </div>
    </ModalDialog>
  );
}
