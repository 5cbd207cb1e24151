import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser, UpdateUserRequest } from '@domain/auth-protocol';
import { ROLES, type Role } from '@domain/schemas/user-profile';
import { describeAuthError } from '../../auth/describe-auth-error';
import { useSession } from '../../auth/session-context';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/**
 * One account: role and team change at once (with progress); deactivating asks first. The
 * manager's own row is read-only, so nobody locks the team out of user management by accident.
 */
export function UserRow({
  user,
  isSelf,
  teams,
  onSaved,
}: {
  user: AdminUser;
  isSelf: boolean;
  teams: readonly { value: string; label: string }[];
  onSaved: (user: AdminUser) => void;
}) {
  const { t, i18n } = useTranslation();
  const { admin } = useSession();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);

  const update = async (patch: UpdateUserRequest) => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await admin.updateUser(user.id, patch));
    } catch (e) {
      setError(describeAuthError(t, e));
    } finally {
      setSaving(false);
    }
  };

  const teamLabel = teams.find((team) => team.value === user.teamId)?.label ?? user.teamId;
  const lastSeen = user.lastSeenAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(user.lastSeenAt),
      )
    : t('users.never');
  const teamOptions = teams.some((team) => team.value === user.teamId)
    ? teams
    : [...teams, { value: user.teamId, label: teamLabel }];

  return (
    <tr aria-busy={saving || undefined}>
      <th scope="row">
        {user.name}
        {isSelf && <span className="muted"> ({t('users.you')})</span>}
      </th>
      <td>{user.email}</td>
      <td>
        <select
          className="select"
          aria-label={t('users.roleOf', { name: user.name })}
          value={user.role}
          disabled={saving || isSelf}
          onChange={(e) => void update({ role: e.target.value as Role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          className="select"
          aria-label={t('users.teamOf', { name: user.name })}
          value={user.teamId}
          disabled={saving || isSelf}
          onChange={(e) => void update({ teamId: e.target.value })}
        >
          {teamOptions.map((team) => (
            <option key={team.value} value={team.value}>
              {team.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <span className={`badge ${user.active ? 'badge-WON' : 'badge-LOST'}`}>
          {user.active ? t('users.active') : t('users.inactive')}
        </span>
      </td>
      <td>{lastSeen}</td>
      <td>
        <div className="users-actions">
          {saving && (
            <span className="muted" role="status">
              {t('common.saving')}
            </span>
          )}
          {!isSelf && (
            <button
              type="button"
              className="btn btn-small"
              disabled={saving}
              aria-label={t(user.active ? 'users.deactivateUser' : 'users.reactivateUser', { name: user.name })}
              onClick={() => setConfirm(true)}
            >
              {user.active ? t('users.deactivate') : t('users.reactivate')}
            </button>
          )}
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
          {confirm && (
            <ConfirmDialog
              title={t(user.active ? 'users.confirmDeactivateTitle' : 'users.confirmReactivateTitle', {
                name: user.name,
              })}
              body={t(user.active ? 'users.confirmDeactivateBody' : 'users.confirmReactivateBody', { name: user.name })}
              confirmLabel={user.active ? t('users.deactivate') : t('users.reactivate')}
              danger={user.active}
              onCancel={() => setConfirm(false)}
              onConfirm={() => {
                setConfirm(false);
                void update({ active: !user.active });
              }}
            />
          )}
        </div>
      </td>
    </tr>
  );
}
