import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useSessionEnded } from '../../auth/session-context';

/**
 * The server ended the session (the refresh token expired or was revoked, or the account was
 * deactivated). Sync is paused; nothing local is lost — unsynced changes wait for the next sign-in.
 */
export function SessionEndedBanner() {
  const { t } = useTranslation();
  const reason = useSessionEnded();
  const { signInAgain } = useSession();
  const [busy, setBusy] = useState(false);
  if (!reason) return null;
  return (
    <div className="session-banner" role="alert">
      <div>
        <strong>{t('sessionEnded.title')}</strong>{' '}
        {reason === 'auth.deactivated' ? t('sessionEnded.deactivated') : t('sessionEnded.body')}
      </div>
      <button
        type="button"
        className="btn btn-primary btn-small"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void signInAgain().catch(() => setBusy(false));
        }}
      >
        {t('sessionEnded.signIn')}
      </button>
    </div>
  );
}
