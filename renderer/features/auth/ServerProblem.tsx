import { useTranslation } from 'react-i18next';
import { AuthCard } from './AuthCard';
import { ServerAddress } from './ServerAddress';

/** No session on this device and no answer from the server: the first sign-in needs it once. */
export function ServerProblem({
  serverUrl,
  message,
  onRetry,
  onServerChange,
}: {
  serverUrl: string;
  message: string;
  onRetry: () => void;
  onServerChange: (url: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <AuthCard title={t('auth.unreachable.title')}>
      <div className="form-banner" role="alert">
        {message}
      </div>
      <button type="button" className="btn btn-primary auth-submit" onClick={onRetry}>
        {t('auth.unreachable.retry')}
      </button>
      <ServerAddress serverUrl={serverUrl} onChange={onServerChange} />
    </AuthCard>
  );
}
