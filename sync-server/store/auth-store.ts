/**
 * Sign-in data that only the server keeps: password hashes, refresh tokens and server secrets.
 * None of it is a replicated record, so none of it ever reaches a device through a pull; the
 * user's profile (name, role, team, active) is the `users` record beside it.
 *
 * Both adapters (sqlite-auth-store.ts, postgres-auth-store.ts) keep these tables in the store's
 * own database, so a backup of the database is a backup of the accounts.
 */
export interface Credentials {
  userId: string;
  /** Lower-cased: sign-in and uniqueness ignore case. */
  email: string;
  /** `scrypt$N$r$p$salt$hash`, or '' for an account without a password (the single-user owner). */
  passwordHash: string;
  createdAt: string;
  /** Last successful sign-in or refresh. */
  lastSeenAt: string | null;
  /**
   * The account's access token version (the tokens' `ver` claim): counted up when the password,
   * the role or team changes or the account is deactivated, which ends every access token issued
   * before (sync-server/auth/authenticate-hook.ts). 0 for a new account.
   */
  tokenVersion: number;
}

export interface RefreshTokenRow {
  id: string;
  userId: string;
  /** sha-256 of the token's secret part: the database alone gives no session. */
  secretHash: string;
  expiresAt: string;
  revokedAt: string | null;
  deviceName: string;
  createdAt: string;
  /** The token that replaced this one at a refresh: a replay of this one is a stolen copy. */
  replacedBy: string | null;
  /**
   * Set at rotation: the successor token, sealed with a key derived from this token's secret
   * (auth/refresh-successor.ts). Only someone holding this token can open it, within seconds.
   */
  successorSealed: string | null;
}

export interface AuthStore {
  /**
   * The value stored under `name`, storing `value` first when there is none. Concurrent callers,
   * in this process or in another server process on the same database, all get the first value
   * stored: it is how instances share the signing key and how setup happens only once.
   */
  putSecretIfAbsent(name: string, value: string): Promise<string>;
  getSecret(name: string): Promise<string | null>;
  /**
   * Sets `name` to `next` only while it still holds `expected` (compare and set, atomic across
   * instances): false when it holds something else or nothing. How the signing keys are rotated.
   */
  replaceSecret(name: string, expected: string, next: string): Promise<boolean>;
  /** Removes `name` only while it still holds `value` (undoing a claim whose work failed). */
  deleteSecret(name: string, value: string): Promise<void>;

  /** 'emailTaken' when another account has the same (lower-cased) email. Token version 0. */
  insertCredentials(credentials: Omit<Credentials, 'tokenVersion'>): Promise<'ok' | 'emailTaken'>;
  deleteCredentials(userId: string): Promise<void>;
  credentialsByEmail(email: string): Promise<Credentials | null>;
  credentialsById(userId: string): Promise<Credentials | null>;
  listCredentials(): Promise<Credentials[]>;
  /** A new password also counts the token version up: access tokens issued before end. */
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /** Counts the account's token version up and returns the new one (null: no such account). */
  bumpTokenVersion(userId: string): Promise<number | null>;
  touchLastSeen(userId: string, at: string): Promise<void>;

  insertRefreshToken(token: RefreshTokenRow): Promise<void>;
  refreshTokenById(id: string): Promise<RefreshTokenRow | null>;
  /**
   * Single use: marks `oldId` revoked and replaced by `next` (keeping `successorSealed` on it), and
   * inserts `next`, in one transaction — only if `oldId` was still live. False when another
   * request used it first.
   */
  rotateRefreshToken(oldId: string, next: RefreshTokenRow, at: string, successorSealed: string): Promise<boolean>;
  revokeRefreshToken(id: string, at: string): Promise<void>;
  /** Revokes `id` and every token that descends from it by rotation (a replayed token's family). */
  revokeTokenFamily(id: string, at: string): Promise<void>;
  /** Revokes every live token of a user (deactivation, password change). */
  revokeUserTokens(userId: string, at: string): Promise<void>;
}
