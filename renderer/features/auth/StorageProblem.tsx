import { useTranslation } from 'react-i18next';
import { AuthCard } from './AuthCard';

/**
 * The local database's storage worker did not start (ADR 0012): say so instead of waiting for a
 * database that will never open. Reloading starts a new worker.
 */
export function StorageProblem() {
  const { t } = useTranslation();
  return (
    <AuthCard title={t('storageFailed.title')}>
      <div className="form-banner" role="alert">
        {t('storageFailed.body')}
      </div>
      <button type="button" className="btn btn-primary auth-submit" onClick={() => window.location.reload()}>
        {t('storageFailed.reload')}
      </button>
    </AuthCard>
  );
}
