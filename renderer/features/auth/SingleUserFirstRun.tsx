import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authClient } from '../../auth/auth-client';
import type { CachedSession } from '../../auth/cached-session';
import { describeAuthError } from '../../auth/describe-auth-error';
import { getBridge } from '../../platform/bridge';
import { Onboarding, type OnboardingChoice } from '../onboarding';
import { AuthCard } from './AuthCard';
import type { OnSignedIn } from './sign-in-types';

/**
 * Single-user mode (the embedded desktop server): the server's one owner signs in without a
 * password on their own machine. The first time, the welcome dialog asks for a name and offers
 * demo data; once the owner exists (a session that ended, another browser on this machine),
 * signing in again is silent — the welcome is not shown twice.
 */
export function SingleUserFirstRun({
  serverUrl,
  ownerExists,
  onSignedIn,
}: {
  serverUrl: string;
  ownerExists: boolean;
  onSignedIn: OnSignedIn;
}) {
  return ownerExists ? (
    <OwnerSignIn serverUrl={serverUrl} onSignedIn={onSignedIn} />
  ) : (
    <Welcome serverUrl={serverUrl} onSignedIn={onSignedIn} />
  );
}

function Welcome({ serverUrl, onSignedIn }: { serverUrl: string; onSignedIn: OnSignedIn }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async ({ name, loadDemo }: OnboardingChoice) => {
    setError(null);
    setBusy(true);
    let session: CachedSession;
    try {
      const grant = await authClient.localSession(
        serverUrl,
        { name: name || t('onboarding.defaultName'), locale: i18n.language === 'es' ? 'es' : 'en' },
        await getBridge().localSessionKey(serverUrl),
      );
      session = { serverUrl, grant };
    } catch (e) {
      setError(describeAuthError(t, e, { firstSignIn: true }));
      setBusy(false);
      return;
    }
    try {
      await onSignedIn(session, loadDemo ? (done, total) => setProgress({ done, total }) : null);
    } catch (e) {
      setError(t('onboarding.failed', { message: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
    }
  };

  return <Onboarding onDone={(choice) => void start(choice)} progress={progress} error={error} busy={busy} />;
}

function OwnerSignIn({ serverUrl, onSignedIn }: { serverUrl: string; onSignedIn: OnSignedIn }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const signIn = useCallback(
    () =>
      getBridge()
        .localSessionKey(serverUrl)
        .then((key) => authClient.localSession(serverUrl, {}, key))
        .then((grant) => onSignedIn({ serverUrl, grant }, null))
        .catch((e: unknown) => setError(describeAuthError(t, e, { firstSignIn: true }))),
    [serverUrl, onSignedIn, t],
  );
  useEffect(() => {
    void signIn();
    // Once per mount: the retry button asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const retry = () => {
    setError(null);
    void signIn();
  };
  return (
    <AuthCard title={t('auth.signingIn')}>
      {error ? (
        <>
          <p className="field-error" role="alert">
            {error}
          </p>
          <button type="button" className="btn btn-primary" onClick={retry}>
            {t('app.retry')}
          </button>
        </>
      ) : (
        <p className="muted" role="status">
          {t('auth.signingInHint')}
        </p>
      )}
    </AuthCard>
  );
}
