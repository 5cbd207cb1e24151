import type { AdminUser, CreateUserRequest, SetPasswordRequest, UpdateUserRequest } from '@domain/auth-protocol';
import { SessionEndedError } from '../db/sync/sync-http';
import { AuthRequestError, requestJson, type RequestOptions } from './auth-request';
import { SESSION_END_CODES, type SessionEndReason, type SessionKeeper } from './session-keeper';

/** A request as the signed-in user: Bearer token, one refresh on an expired token, end on a dead session. */
async function asSignedInUser<T>(keeper: SessionKeeper, path: string, options: RequestOptions = {}): Promise<T> {
  let token = await keeper.accessToken();
  for (let attempt = 0; ; attempt++) {
    if (token === null) throw new SessionEndedError('the session has ended: sign in again');
    try {
      return await requestJson<T>(keeper.serverUrl, path, { ...options, token });
    } catch (error) {
      if (!(error instanceof AuthRequestError)) throw error;
      if (SESSION_END_CODES.includes(error.code)) keeper.end(error.code as SessionEndReason);
      if (attempt > 0 || error.status !== 401 || error.code !== 'auth.invalidToken') throw error;
      token = await keeper.refresh(token);
    }
  }
}

/** The Sales Manager's user management and everyone's own password (domain/auth-protocol.ts). */
export function createAdminApi(keeper: SessionKeeper) {
  return {
    listUsers: () => asSignedInUser<AdminUser[]>(keeper, '/admin/users'),
    createUser: (body: CreateUserRequest) =>
      asSignedInUser<AdminUser>(keeper, '/admin/users', { method: 'POST', body }),
    updateUser: (id: string, body: UpdateUserRequest) =>
      asSignedInUser<AdminUser>(keeper, `/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    setPassword: (id: string, body: SetPasswordRequest) =>
      asSignedInUser<void>(keeper, `/admin/users/${encodeURIComponent(id)}/password`, { method: 'POST', body }),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
