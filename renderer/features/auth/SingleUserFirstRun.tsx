import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authClient } from '../../auth/auth-client';
import type { CachedSession } from '../../auth/cached-session';
import { describeAuthError } from '../../auth/describe-auth-error';
import { Onboarding, type OnboardingChoice } from '../onboarding/Onboarding';
import type { OnSignedIn } from './sign-in-types';

/**
 * Single-user mode (the embedded desktop server): the welcome dialog asks for a name and whether
 * to load demo data, then signs in as the server's one owner — no password on one's own machine.
 */
export function SingleUserFirstRun({ serverUrl, onSignedIn }: { serverUrl: string; onSignedIn: OnSignedIn }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async ({ name, loadDemo }: OnboardingChoice) => {
    setError(null);
    setBusy(true);
    let session: CachedSession;
    try {
      const grant = await authClient.localSession(serverUrl, {
        name: name || t('onboarding.defaultName'),
        locale: i18n.language === 'es' ? 'es' : 'en',
      });
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
