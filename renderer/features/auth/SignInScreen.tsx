import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionGrant } from '@domain/auth-protocol';
import { authClient, deviceName } from '../../auth/auth-client';
import { describeAuthError } from '../../auth/describe-auth-error';
import { getBridge } from '../../platform/bridge';
import { TextField } from '../../ui/fields';
import { AuthCard } from './AuthCard';
import { ServerAddress } from './ServerAddress';

/** Team mode: email and password. Errors say what to do (wait, check the password, ask the manager). */
export function SignInScreen({
  serverUrl,
  onServerChange,
  onGrant,
}: {
  serverUrl: string;
  onServerChange: (url: string) => void;
  onGrant: (grant: SessionGrant) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t('auth.fillBoth'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const info = await getBridge()
        .appInfo()
        .catch(() => null);
      const grant = await authClient.login(serverUrl, {
        email: email.trim(),
        password,
        ...(info ? { deviceName: deviceName(info.shell, info.os) } : {}),
      });
      await onGrant(grant);
    } catch (e) {
      setError(describeAuthError(t, e, { firstSignIn: true }));
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('auth.signIn.title')} hint={t('auth.signIn.hint')}>
      <form className="auth-form" aria-label={t('auth.signIn.title')} onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          required
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
        />
        <TextField
          required
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        {error && (
          <div className="form-banner" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn btn-primary auth-submit" disabled={busy}>
          {busy ? t('auth.signIn.busy') : t('auth.signIn.submit')}
        </button>
      </form>
      <ServerAddress serverUrl={serverUrl} onChange={onServerChange} />
    </AuthCard>
  );
}
