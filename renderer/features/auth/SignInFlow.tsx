import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus, SessionGrant } from '@domain/auth-protocol';
import type { SyncServerChoice } from '@domain/desktop-bridge';
import { authClient } from '../../auth/auth-client';
import { describeAuthError } from '../../auth/describe-auth-error';
import { getBridge } from '../../platform/bridge';
import { AuthCard } from './AuthCard';
import { ServerProblem } from './ServerProblem';
import { SetupScreen } from './SetupScreen';
import { SignInScreen } from './SignInScreen';
import { SingleUserFirstRun } from './SingleUserFirstRun';
import type { OnSignedIn } from './sign-in-types';

/** Why the desktop (or the browser) did not take the server: what the person is told. */
const CHOICE_MESSAGES = {
  refused: 'auth.server.refused',
  insecure: 'auth.server.insecure',
  unreachable: 'auth.server.notOutpost',
  declined: 'auth.server.declined',
} as const satisfies Record<Exclude<SyncServerChoice, 'ready' | 'reload'>, string>;

type Check = { kind: 'checking' } | { kind: 'ready'; status: AuthStatus } | { kind: 'failed'; message: string };

/**
 * A device without a session asks the server how it signs people in (GET /auth/status):
 * single-user → the welcome dialog; a team server without users → setup; else → sign-in.
 */
export function SignInFlow({ onSignedIn }: { onSignedIn: OnSignedIn }) {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState<string | null>(null);
  const [check, setCheck] = useState<Check>({ kind: 'checking' });

  /** Ask the server how it signs people in; only ever called from events and promise callbacks. */
  const probe = useCallback(
    async (url: string) => {
      if (!url) {
        setCheck({ kind: 'failed', message: t('auth.server.none') });
        return;
      }
      try {
        setCheck({ kind: 'ready', status: await authClient.status(url) });
      } catch (e) {
        setCheck({ kind: 'failed', message: describeAuthError(t, e, { firstSignIn: true }) });
      }
    },
    [t],
  );

  useEffect(() => {
    let cancelled = false;
    void getBridge()
      .syncServerUrl()
      .catch(() => null)
      .then((url) => {
        if (cancelled) return;
        setServerUrl(url ?? '');
        return probe(url ?? '');
      });
    return () => {
      cancelled = true;
    };
  }, [probe]);

  const connectTo = (url: string) => {
    setServerUrl(url);
    setCheck({ kind: 'checking' });
    void getBridge()
      .chooseSyncServer(url)
      .then((choice) => {
        if (choice === 'reload') window.location.reload();
        else if (choice === 'ready') void probe(url);
        else setCheck({ kind: 'failed', message: t(CHOICE_MESSAGES[choice], { url }) });
      })
      .catch((e: unknown) => setCheck({ kind: 'failed', message: describeAuthError(t, e, { firstSignIn: true }) }));
  };

  if (serverUrl === null || check.kind === 'checking') {
    return (
      <AuthCard title={t('auth.connecting')}>
        <p className="muted" role="status">
          {t('auth.connectingHint', { url: serverUrl ?? '' })}
        </p>
      </AuthCard>
    );
  }
  if (check.kind === 'failed') {
    return (
      <ServerProblem
        serverUrl={serverUrl}
        message={check.message}
        onRetry={() => connectTo(serverUrl)}
        onServerChange={connectTo}
      />
    );
  }
  const onGrant = (grant: SessionGrant) => onSignedIn({ serverUrl, grant }, null);
  if (check.status.mode === 'single-user')
    return <SingleUserFirstRun serverUrl={serverUrl} ownerExists={!check.status.needsSetup} onSignedIn={onSignedIn} />;
  if (check.status.needsSetup)
    return <SetupScreen serverUrl={serverUrl} onServerChange={connectTo} onGrant={onGrant} />;
  return <SignInScreen serverUrl={serverUrl} onServerChange={connectTo} onGrant={onGrant} />;
}
