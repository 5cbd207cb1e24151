import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTH_LIMITS } from '@domain/auth-protocol';
import type { Locale } from '@domain/schemas/user-profile';
import { AuthRequestError } from '../../auth/auth-request';
import { describeAuthError } from '../../auth/describe-auth-error';
import { useSession } from '../../auth/session-context';
import { usePreferences } from '../../db/device-preferences';
import { updateRecord } from '../../db/record-writes';
import { useRecord } from '../../db/use-rx';
import { useWorkspace } from '../../db/workspace-context';
import { SelectField, TextField } from '../../ui/fields';

/** Everyone's own profile: name and language (synced as their user record), and their password. */
export function ProfileSettings() {
  return (
    <div className="settings-grid">
      <ProfileCard />
      <PasswordCard />
    </div>
  );
}

function ProfileCard() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [prefs, savePrefs] = usePreferences();
  const profile = useRecord('users', ws.user.id);
  const [name, setName] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const shownName = name ?? profile?.name ?? ws.user.name;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = shownName.trim();
    if (!trimmed) {
      setMessage({ text: t('validation.required', { field: t('profile.name') }), error: true });
      return;
    }
    setSaving(true);
    setMessage(null);
    try {
      if (!profile) throw new Error(t('profile.notSynced'));
      await updateRecord(ws, 'users', ws.user.id, { name: trimmed });
      setName(null);
      setMessage({ text: t('profile.saved'), error: false });
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setSaving(false);
    }
  };

  const changeLanguage = (locale: Locale) => {
    // Saved on the device; the app applies it (App.tsx), as it does at every start.
    void savePrefs({ locale });
    // The profile's language follows the user to their other devices.
    if (profile && profile.locale !== locale) void updateRecord(ws, 'users', ws.user.id, { locale });
  };

  return (
    <section className="card settings-card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('profile.title')}</h2>
      <p className="muted">{t('profile.summary', { email: ws.user.email, role: t(`roles.${ws.user.role}`) })}</p>
      <form className="settings-form" onSubmit={(e) => void save(e)} aria-label={t('profile.title')} noValidate>
        <TextField label={t('profile.name')} value={shownName} autoComplete="name" onChange={setName} required />
        <SelectField
          label={t('settings.language')}
          value={prefs.locale}
          onChange={(locale) => changeLanguage(locale as Locale)}
          options={[
            { value: 'en', label: t('settings.languages.en') },
            { value: 'es', label: t('settings.languages.es') },
          ]}
        />
        <div className="settings-actions">
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? t('common.saving') : t('profile.saveName')}
          </button>
        </div>
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'muted'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { admin } = useSession();
  const [form, setForm] = useState({ current: '', next: '', confirm: '' });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let problem: string | null = null;
    if (!form.current || !form.next) problem = t('profile.password.fillAll');
    else if (form.next.length < AUTH_LIMITS.minPasswordLength)
      problem = t('authErrors.auth.weakPassword', { min: AUTH_LIMITS.minPasswordLength });
    else if (form.next !== form.confirm) problem = t('auth.passwordsDiffer');
    if (problem) {
      setMessage({ text: problem, error: true });
      return;
    }
    setSaving(true);
    setMessage(null);
    try {
      await admin.setPassword(ws.user.id, { password: form.next, currentPassword: form.current });
      setForm({ current: '', next: '', confirm: '' });
      setMessage({ text: t('profile.password.changed'), error: false });
    } catch (error) {
      // Here "invalid credentials" can only mean a wrong current password.
      const wrongCurrent = error instanceof AuthRequestError && error.code === 'auth.invalidCredentials';
      setMessage({
        text: wrongCurrent ? t('profile.password.wrongCurrent') : describeAuthError(t, error),
        error: true,
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card settings-card" aria-labelledby="password-title">
      <h2 id="password-title">{t('profile.password.title')}</h2>
      <form
        className="settings-form"
        onSubmit={(e) => void submit(e)}
        aria-label={t('profile.password.title')}
        noValidate
      >
        <TextField
          label={t('profile.password.current')}
          type="password"
          autoComplete="current-password"
          value={form.current}
          onChange={set('current')}
          required
        />
        <TextField
          label={t('profile.password.new')}
          type="password"
          autoComplete="new-password"
          hint={t('auth.passwordHint', { min: AUTH_LIMITS.minPasswordLength })}
          value={form.next}
          onChange={set('next')}
          required
        />
        <TextField
          label={t('auth.confirmPassword')}
          type="password"
          autoComplete="new-password"
          value={form.confirm}
          onChange={set('confirm')}
          required
        />
        <div className="settings-actions">
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? t('common.saving') : t('profile.password.submit')}
          </button>
        </div>
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'muted'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
