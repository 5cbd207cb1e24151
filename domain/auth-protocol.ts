import type { Role } from './schemas/user-profile';

/**
 * Sign-in between a device and the sync server (docs/security.md), as types both sides compile
 * against. Every route answers errors in the API's shape (`ApiError`); the codes are below.
 *
 *   GET  /auth/status          → AuthStatus                       (no token needed)
 *   POST /auth/setup           SetupRequest   → SessionGrant      (only while the server has no user)
 *   POST /auth/login           LoginRequest   → SessionGrant      (rate-limited per account and address)
 *   POST /auth/local-session   LocalSessionRequest → SessionGrant (single-user mode, loopback only,
 *                                                                  with the launch key in LOCAL_KEY_HEADER)
 *   POST /auth/refresh         RefreshRequest → SessionGrant      (rotates: the old refresh token dies; again
 *                                                                  within refreshGraceSeconds → same successor)
 *   POST /auth/logout          RefreshRequest → 204               (revokes that refresh token)
 *   GET  /auth/me              → SessionUser                      (Bearer access token)
 *   GET  /admin/users          → AdminUser[]                      (Sales Manager)
 *   POST /admin/users          CreateUserRequest → AdminUser      (Sales Manager)
 *   PATCH /admin/users/:id     UpdateUserRequest → AdminUser      (Sales Manager: role, team, active, name)
 *   POST /admin/users/:id/password  SetPasswordRequest → 204      (Sales Manager, or the user with currentPassword)
 *
 * Every /sync/* route needs `Authorization: Bearer <accessToken>`, the change stream included (a
 * token in the URL is refused). The server loads the user on every request: a deactivated user is
 * refused, and a token issued before a change of password, role or team ends (its `ver`).
 */

/** How the server signs people in. `single-user`: the embedded desktop server, one owner, no password prompt. */
export type AuthMode = 'single-user' | 'team';

export interface AuthStatus {
  mode: AuthMode;
  /** No user exists yet: the first person to finish setup becomes the Sales Manager. */
  needsSetup: boolean;
}

/** The signed-in user as the device caches it (the profile record itself replicates in `users`). */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string;
}

export interface SessionGrant {
  user: SessionUser;
  /** Short-lived (AUTH_LIMITS.accessTokenSeconds) bearer token for /sync and /admin. */
  accessToken: string;
  /** UTC ISO time the access token stops working. */
  accessTokenExpiresAt: string;
  /** Long-lived, single-use, revocable: trade it at /auth/refresh for a new grant. */
  refreshToken: string;
  refreshTokenExpiresAt: string;
  /**
   * Fingerprint of what this user may see (role, team, team members). When it differs from the
   * one a device synced under, the device pushes its pending changes, then resyncs from scratch.
   */
  scopeKey: string;
}

export interface SetupRequest {
  name: string;
  email: string;
  password: string;
  /** Name of the first team (the Sales Manager's). */
  teamName?: string;
}

/** Single-user mode: the name and language of the owner, used only when the owner is created. */
export interface LocalSessionRequest {
  name?: string;
  locale?: 'en' | 'es';
}

export interface LoginRequest {
  email: string;
  password: string;
  /** Shown in the user's session list, e.g. "Outpost desktop on macOS". */
  deviceName?: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

/** A user as the Sales Manager's user-management screen sees them. */
export interface AdminUser extends SessionUser {
  active: boolean;
  createdAt: string;
  /** Last successful sign-in or refresh, or null. */
  lastSeenAt: string | null;
}

export interface CreateUserRequest {
  name: string;
  email: string;
  role: Role;
  teamId: string;
  /** Initial password the manager hands over (at least AUTH_LIMITS.minPasswordLength). */
  password: string;
}

export interface UpdateUserRequest {
  name?: string;
  role?: Role;
  teamId?: string;
  active?: boolean;
}

export interface SetPasswordRequest {
  password: string;
  /** Required when users change their own password. */
  currentPassword?: string;
}

/** Response header of every pull: the caller's current scope key (see SessionGrant.scopeKey). */
export const SCOPE_KEY_HEADER = 'x-outpost-scope';

/**
 * Request header of POST /auth/local-session: the launch key, a secret made by whoever started the
 * single-user server (the desktop app, `npm start`) and handed only to the app it started.
 */
export const LOCAL_KEY_HEADER = 'x-outpost-local-key';

export const AUTH_LIMITS = {
  accessTokenSeconds: 15 * 60,
  refreshTokenDays: 30,
  /**
   * A refresh token presented again this soon after it was traded in (two windows refreshing at
   * once, an answer lost on the way) gets the same successor; later, it is taken for a stolen
   * copy and its whole family of sessions ends.
   */
  refreshGraceSeconds: 30,
  minPasswordLength: 10,
  maxPasswordLength: 200,
  /** Failed logins before an account or an address must wait. */
  loginAttemptsPerAccount: 5,
  loginAttemptsPerAddress: 20,
  loginWindowSeconds: 15 * 60,
} as const;

/** Error codes of the auth routes and of any request with a missing or bad token. */
export type AuthErrorCode =
  | 'auth.required' // 401: no token
  | 'auth.invalidToken' // 401: malformed, forged or expired access token: refresh
  | 'auth.invalidCredentials' // 401: wrong email or password (never says which)
  | 'auth.refreshInvalid' // 401: refresh token unknown, used, revoked or expired: sign in again
  | 'auth.deactivated' // 403: the account was deactivated
  | 'auth.rateLimited' // 429: too many failed logins; Retry-After says when to try again
  | 'auth.setupDone' // 409: setup already happened
  | 'auth.localOnly' // 403: local-session outside single-user mode or from another machine
  | 'auth.localKeyInvalid' // 403: local-session without this launch's key (LOCAL_KEY_HEADER)
  | 'auth.emailTaken' // 409
  | 'auth.weakPassword' // 400
  | 'auth.ownerMissing' // 503: single-user mode could not create or find the owner in time: retry
  | 'auth.busy' // 503: too many passwords being checked at once; Retry-After says when to try again
  | 'user.notFound' // 404: /admin/users/:id of nobody
  | 'permission.denied'; // 403: the role may not do this
