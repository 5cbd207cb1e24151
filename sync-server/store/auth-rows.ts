import type { Credentials, RefreshTokenRow } from './auth-store';

/** The auth tables' rows as both adapters read them (same column names in SQLite and PostgreSQL). */
export type CredentialsRow = {
  user_id: string;
  email: string;
  password_hash: string;
  created_at: string;
  last_seen_at: string | null;
  token_version: number | string;
};

export type TokenRow = {
  id: string;
  user_id: string;
  secret_hash: string;
  expires_at: string;
  revoked_at: string | null;
  device_name: string;
  created_at: string;
  replaced_by: string | null;
  successor_sealed: string | null;
};

/** Written by an insert (token_version starts at its default, 0). */
export const NEW_CREDENTIAL_COLUMNS = 'user_id, email, password_hash, created_at, last_seen_at';
export const CREDENTIAL_COLUMNS = `${NEW_CREDENTIAL_COLUMNS}, token_version`;
export const TOKEN_COLUMNS =
  'id, user_id, secret_hash, expires_at, revoked_at, device_name, created_at, replaced_by, successor_sealed';

/** A token's values in TOKEN_COLUMNS order, for an INSERT. */
export function tokenValues(t: RefreshTokenRow): unknown[] {
  return [
    t.id,
    t.userId,
    t.secretHash,
    t.expiresAt,
    t.revokedAt,
    t.deviceName,
    t.createdAt,
    t.replacedBy,
    t.successorSealed,
  ];
}

export function toCredentials(row: unknown): Credentials | null {
  if (!row) return null;
  const r = row as CredentialsRow;
  return {
    userId: r.user_id,
    email: r.email,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    tokenVersion: Number(r.token_version),
  };
}

export function toToken(row: unknown): RefreshTokenRow | null {
  if (!row) return null;
  const r = row as TokenRow;
  return {
    id: r.id,
    userId: r.user_id,
    secretHash: r.secret_hash,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    deviceName: r.device_name,
    createdAt: r.created_at,
    replacedBy: r.replaced_by,
    successorSealed: r.successor_sealed ?? null,
  };
}
