import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTH_LIMITS, type SessionGrant } from '@domain/auth-protocol';
import { authClient } from '../../auth/auth-client';
import { describeAuthError } from '../../auth/describe-auth-error';
import { TextField } from '../../ui/fields';
import { AuthCard } from './AuthCard';
import { ServerAddress } from './ServerAddress';

/** A new team server: the first person to finish this becomes the Sales Manager. */
export function SetupScreen({
  serverUrl,
  onServerChange,
  onGrant,
}: {
  serverUrl: string;
  onServerChange: (url: string) => void;
  onGrant: (grant: SessionGrant) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: '', email: '', password: '', confirm: '', teamName: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const problem = (): string | null => {
    if (!form.name.trim() || !form.email.trim()) return t('auth.setup.fillAll');
    if (!/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) return t('auth.invalidEmail');
    if (form.password.length < AUTH_LIMITS.minPasswordLength)
      return t('authErrors.auth.weakPassword', { min: AUTH_LIMITS.minPasswordLength });
    if (form.password !== form.confirm) return t('auth.passwordsDiffer');
    return null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problem();
    setError(found);
    if (found) return;
    setBusy(true);
    try {
      const grant = await authClient.setup(serverUrl, {
        name: form.name.trim(),
        email: form.email.trim(),
        password: form.password,
        ...(form.teamName.trim() ? { teamName: form.teamName.trim() } : {}),
      });
      await onGrant(grant);
    } catch (e) {
      setError(describeAuthError(t, e, { firstSignIn: true }));
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('auth.setup.title')} hint={t('auth.setup.hint')}>
      <form className="auth-form" aria-label={t('auth.setup.title')} onSubmit={(e) => void submit(e)} noValidate>
        <TextField required label={t('auth.name')} autoComplete="name" value={form.name} onChange={set('name')} />
        <TextField
          required
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          value={form.email}
          onChange={set('email')}
        />
        <TextField
          required
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          hint={t('auth.passwordHint', { min: AUTH_LIMITS.minPasswordLength })}
          value={form.password}
          onChange={set('password')}
        />
        <TextField
          required
          label={t('auth.confirmPassword')}
          type="password"
          autoComplete="new-password"
          value={form.confirm}
          onChange={set('confirm')}
        />
        <TextField
          label={t('auth.setup.teamName')}
          hint={t('auth.setup.teamNameHint')}
          value={form.teamName}
          onChange={set('teamName')}
        />
        {error && (
          <div className="form-banner" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn btn-primary auth-submit" disabled={busy}>
          {busy ? t('auth.setup.busy') : t('auth.setup.submit')}
        </button>
      </form>
      <ServerAddress serverUrl={serverUrl} onChange={onServerChange} />
    </AuthCard>
  );
}
