import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTH_LIMITS, type AdminUser } from '@domain/auth-protocol';
import { ROLES, type Role } from '@domain/schemas/user-profile';
import { describeAuthError } from '../../auth/describe-auth-error';
import { useSession } from '../../auth/session-context';
import { SelectField, TextField } from '../../ui/fields';
import { ModalDialog } from '../../ui/ModalDialog';

/** A new account: name, email, role, team and the initial password the manager hands over. */
export function CreateUserDialog({
  teams,
  defaultTeamId,
  onCreated,
  onCancel,
}: {
  teams: readonly { value: string; label: string }[];
  defaultTeamId: string;
  onCreated: (user: AdminUser) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { admin } = useSession();
  const [form, setForm] = useState({
    name: '',
    email: '',
    role: 'ACCOUNT_EXECUTIVE' as Role,
    teamId: defaultTeamId,
    password: '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof form, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const validate = () => {
    const found: typeof errors = {};
    if (!form.name.trim()) found.name = t('validation.required', { field: t('users.fields.name') });
    if (!/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) found.email = t('auth.invalidEmail');
    if (!form.teamId) found.teamId = t('validation.required', { field: t('users.fields.team') });
    if (form.password.length < AUTH_LIMITS.minPasswordLength)
      found.password = t('authErrors.auth.weakPassword', { min: AUTH_LIMITS.minPasswordLength });
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const create = async () => {
    if (!validate()) return;
    setSaving(true);
    setFailure(null);
    try {
      const user = await admin.createUser({
        name: form.name.trim(),
        email: form.email.trim(),
        role: form.role,
        teamId: form.teamId,
        password: form.password,
      });
      onCreated(user);
    } catch (error) {
      setFailure(describeAuthError(t, error));
      setSaving(false);
    }
  };

  return (
    <ModalDialog
      title={t('users.create.title')}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void create()}>
            {saving ? t('users.create.saving') : t('users.create.submit')}
          </button>
        </>
      }
    >
      <div className="dialog-form">
        <TextField
          label={t('users.fields.name')}
          value={form.name}
          onChange={set('name')}
          error={errors.name}
          required
        />
        <TextField
          label={t('users.fields.email')}
          type="email"
          value={form.email}
          onChange={set('email')}
          error={errors.email}
          required
        />
        <SelectField
          label={t('users.fields.role')}
          value={form.role}
          onChange={set('role')}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <SelectField
          label={t('users.fields.team')}
          value={form.teamId}
          onChange={set('teamId')}
          error={errors.teamId}
          options={teams}
        />
        <TextField
          label={t('users.fields.password')}
          type="password"
          autoComplete="new-password"
          hint={t('users.create.passwordHint', { min: AUTH_LIMITS.minPasswordLength })}
          value={form.password}
          onChange={set('password')}
          error={errors.password}
          required
        />
        {failure && (
          <div className="form-banner" role="alert">
            {failure}
          </div>
        )}
      </div>
    </ModalDialog>
  );
}
