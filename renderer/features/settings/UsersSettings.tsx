import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TEAM_ID } from '@domain/default-records';
import { describeAuthError } from '../../auth/describe-auth-error';
import { useSession } from '../../auth/session-context';
import { useSettingItems } from '../../db/use-settings';
import { useWorkspace } from '../../db/workspace-context';
import { CreateUserDialog } from './CreateUserDialog';
import { useAdminUsers } from './use-admin-users';
import { UserRow } from './UserRow';

/** Sales Manager only: every account, who is on which team with which role, and who may sign in. */
export function UsersSettings() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { admin } = useSession();
  const { state, reload, put } = useAdminUsers(admin);
  const [creating, setCreating] = useState(false);
  const teamItems = useSettingItems('teams');
  const teams = teamItems.map((item) => ({ value: item.key, label: item.label }));
  if (!teams.some((team) => team.value === ws.user.teamId) && ws.user.teamId) {
    teams.push({ value: ws.user.teamId, label: t('users.myTeam') });
  }
  const defaultTeamId = teams.some((team) => team.value === ws.user.teamId)
    ? ws.user.teamId
    : (teams[0]?.value ?? DEFAULT_TEAM_ID);

  return (
    <section className="card settings-card users-card" aria-labelledby="users-title">
      <div className="users-header">
        <h2 id="users-title">{t('users.title')}</h2>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          {t('users.create.open')}
        </button>
      </div>
      <p className="muted">{t('users.hint')}</p>
      {state.kind === 'loading' && (
        <p className="muted" role="status">
          {t('users.loading')}
        </p>
      )}
      {state.kind === 'failed' && (
        <div className="form-banner" role="alert">
          {t('users.loadFailed', { reason: describeAuthError(t, state.error) })}{' '}
          <button type="button" className="btn btn-small" onClick={reload}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {state.kind === 'ready' && state.users.every((user) => user.id === ws.user.id) && (
        <p className="muted">{t('users.empty')}</p>
      )}
      {state.kind === 'ready' && state.users.length > 0 && (
        <div className="users-table-wrap">
          <table className="record-table users-table" aria-label={t('users.title')}>
            <thead>
              <tr>
                <th scope="col">{t('users.fields.name')}</th>
                <th scope="col">{t('users.fields.email')}</th>
                <th scope="col">{t('users.fields.role')}</th>
                <th scope="col">{t('users.fields.team')}</th>
                <th scope="col">{t('users.fields.status')}</th>
                <th scope="col">{t('users.fields.lastSeen')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('users.fields.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.users.map((user) => (
                <UserRow key={user.id} user={user} isSelf={user.id === ws.user.id} teams={teams} onSaved={put} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && (
        <CreateUserDialog
          teams={teams}
          defaultTeamId={defaultTeamId}
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            put(user);
          }}
        />
      )}
    </section>
  );
}
