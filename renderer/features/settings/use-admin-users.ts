import { useCallback, useEffect, useState } from 'react';
import type { AdminUser } from '@domain/auth-protocol';
import type { AdminApi } from '../../auth/admin-api';

export type AdminUsersState =
  { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; users: AdminUser[] };

/**
 * The server's list of accounts (GET /admin/users). Accounts live on the server, not in the
 * device's database: this screen needs the network, and says so when it is not there.
 */
export function useAdminUsers(admin: AdminApi) {
  const [state, setState] = useState<AdminUsersState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    admin.listUsers().then(
      (users) =>
        !cancelled && setState({ kind: 'ready', users: [...users].sort((a, b) => a.name.localeCompare(b.name)) }),
      (error: unknown) => !cancelled && setState({ kind: 'failed', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [admin, attempt]);
  const reload = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  /** Put the server's answer for one user in the list (after a create or an update). */
  const put = useCallback((user: AdminUser) => {
    setState((s) => {
      if (s.kind !== 'ready') return s;
      const others = s.users.filter((u) => u.id !== user.id);
      return { kind: 'ready', users: [...others, user].sort((a, b) => a.name.localeCompare(b.name)) };
    });
  }, []);
  return { state, reload, put };
}
