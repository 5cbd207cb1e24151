import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../ui/ModalDialog';

export interface OnboardingChoice {
  name: string;
  loadDemo: boolean;
}

/**
 * First start in single-user mode (the embedded server signs its one owner in without a password):
 * the user's name and an offer of demo data. Signing in and loading show progress; a failure says
 * why (`error` is the complete sentence) and leaves the choice open.
 */
export function Onboarding({
  onDone,
  progress,
  error,
  busy: signingIn = false,
}: {
  onDone: (choice: OnboardingChoice) => void;
  progress: { done: number; total: number } | null;
  error: string | null;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const busy = (signingIn || progress !== null) && !error;
  const choose = (loadDemo: boolean) => onDone({ name: name.trim(), loadDemo });
  return (
    <ModalDialog
      title={t('onboarding.title')}
      onCancel={() => undefined}
      actions={
        <>
          <button type="button" className="btn" disabled={busy} onClick={() => choose(false)}>
            {t('onboarding.startEmpty')}
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => choose(true)}>
            {t('onboarding.loadDemo')}
          </button>
        </>
      }
    >
      <p>{t('onboarding.body')}</p>
      <div className="field">
        <label htmlFor="onboarding-name">{t('onboarding.yourName')}</label>
        <input
          id="onboarding-name"
          className="input"
          value={name}
          autoComplete="name"
          placeholder={t('onboarding.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      {progress && !error && (
        <div style={{ marginTop: 14 }}>
          <div
            className="progress"
            role="progressbar"
            aria-label={t('onboarding.loadDemo')}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
          >
            <div style={{ width: `${progress.total ? (100 * progress.done) / progress.total : 0}%` }} />
          </div>
          <p className="muted" style={{ marginTop: 6 }}>
            {t('onboarding.loading', { done: progress.done, total: progress.total })}
          </p>
        </div>
      )}
      {error && (
        <div className="form-banner" role="alert" style={{ marginTop: 12 }}>
          {error}
        </div>
      )}
    </ModalDialog>
  );
}
