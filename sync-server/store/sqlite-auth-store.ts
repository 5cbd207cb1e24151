import Database from 'better-sqlite3';
import type { AuthStore, RefreshTokenRow } from './auth-store';
import {
  CREDENTIAL_COLUMNS,
  NEW_CREDENTIAL_COLUMNS,
  TOKEN_COLUMNS,
  toCredentials,
  toToken,
  tokenValues,
  type CredentialsRow,
} from './auth-rows';

/** How long an auth write waits for the record writer (another connection) to release the lock. */
const WRITE_LOCK_TIMEOUT_MS = 5_000;

/**
 * A token and every token that replaced it, rotation after rotation: the family a replayed token
 * belongs to. SQLite and PostgreSQL read the same recursive query.
 */
const TOKEN_FAMILY = `WITH RECURSIVE family(id) AS (
    SELECT id FROM refresh_tokens WHERE id = ?
    UNION SELECT t.replaced_by FROM refresh_tokens t JOIN family f ON t.id = f.id WHERE t.replaced_by IS NOT NULL
  )`;

/**
 * The auth tables of a SQLite store (auth-store.ts). Sign-ins are rare next to record writes, so
 * they do not share the record writer's thread and group transactions (sqlite-store.ts): a file
 * store gives them a connection of their own (`openSqliteAuthConnection`), whose writes wait for
 * the write lock without blocking the event loop. An in-memory store has a single connection: the
 * store passes it with `exclusive`, which keeps these statements out of an open record transaction.
 */
export function createSqliteAuthStore(
  db: Database.Database,
  exclusive: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn(),
): AuthStore {
  const statement = cachedStatements(db);

  /** Reads need no lock in WAL mode; a busy answer (a checkpoint) is retried like a write. */
  const read = <T>(fn: () => T) => exclusive(() => withBusyRetry(fn));
  const write = <T>(fn: () => T) => exclusive(() => withBusyRetry(() => db.transaction(fn).immediate()));

  return {
    putSecretIfAbsent: (name, value) =>
      write(() => {
        statement('INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(
          name,
          value,
        );
        return String(statement('SELECT value FROM server_secrets WHERE name = ?').pluck().get(name));
      }),
    getSecret: (name) =>
      read(() => (statement('SELECT value FROM server_secrets WHERE name = ?').pluck().get(name) as string) ?? null),
    replaceSecret: (name, expected, next) =>
      write(
        () =>
          statement('UPDATE server_secrets SET value = ? WHERE name = ? AND value = ?').run(next, name, expected)
            .changes === 1,
      ),
    deleteSecret: (name, value) =>
      write(() => void statement('DELETE FROM server_secrets WHERE name = ? AND value = ?').run(name, value)),

    insertCredentials: (c) =>
      write(() => {
        const result = statement(
          `INSERT INTO credentials (${NEW_CREDENTIAL_COLUMNS}) VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING`,
        ).run(c.userId, c.email, c.passwordHash, c.createdAt, c.lastSeenAt);
        return result.changes === 1 ? ('ok' as const) : ('emailTaken' as const);
      }),
    deleteCredentials: (userId) => write(() => void statement('DELETE FROM credentials WHERE user_id = ?').run(userId)),
    credentialsByEmail: (email) =>
      read(() => toCredentials(statement(`SELECT ${CREDENTIAL_COLUMNS} FROM credentials WHERE email = ?`).get(email))),
    credentialsById: (userId) =>
      read(() =>
        toCredentials(statement(`SELECT ${CREDENTIAL_COLUMNS} FROM credentials WHERE user_id = ?`).get(userId)),
      ),
    listCredentials: () =>
      read(() =>
        (statement(`SELECT ${CREDENTIAL_COLUMNS} FROM credentials ORDER BY user_id`).all() as CredentialsRow[]).map(
          (row) => toCredentials(row)!,
        ),
      ),
    setPasswordHash: (userId, hash) =>
      write(
        () =>
          void statement(
            'UPDATE credentials SET password_hash = ?, token_version = token_version + 1 WHERE user_id = ?',
          ).run(hash, userId),
      ),
    bumpTokenVersion: (userId) =>
      write(
        () =>
          (statement(
            'UPDATE credentials SET token_version = token_version + 1 WHERE user_id = ? RETURNING token_version',
          )
            .pluck()
            .get(userId) as number | undefined) ?? null,
      ),
    touchLastSeen: (userId, at) =>
      write(() => void statement('UPDATE credentials SET last_seen_at = ? WHERE user_id = ?').run(at, userId)),

    insertRefreshToken: (t) => write(() => void insertToken(statement, t)),
    refreshTokenById: (id) =>
      read(() => toToken(statement(`SELECT ${TOKEN_COLUMNS} FROM refresh_tokens WHERE id = ?`).get(id))),
    rotateRefreshToken: (oldId, next, at, successorSealed) =>
      write(() => {
        const used = statement(
          'UPDATE refresh_tokens SET revoked_at = ?, replaced_by = ?, successor_sealed = ? WHERE id = ? AND revoked_at IS NULL',
        ).run(at, next.id, successorSealed, oldId);
        if (used.changes !== 1) return false;
        insertToken(statement, next);
        return true;
      }),
    revokeRefreshToken: (id, at) =>
      write(
        () =>
          void statement('UPDATE refresh_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id),
      ),
    revokeTokenFamily: (id, at) =>
      write(
        () =>
          void statement(
            `${TOKEN_FAMILY} UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id IN (SELECT id FROM family)`,
          ).run(id, at),
      ),
    revokeUserTokens: (userId, at) =>
      write(
        () =>
          void statement('UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(
            at,
            userId,
          ),
      ),
  };
}

/**
 * The auth connection of a file store: its own, with busy_timeout 0 so that waiting for the record
 * writer's lock happens in withBusyRetry (asynchronously) instead of blocking the event loop.
 */
export function openSqliteAuthConnection(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 0');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

async function withBusyRetry<T>(fn: () => T): Promise<T> {
  const deadline = Date.now() + WRITE_LOCK_TIMEOUT_MS;
  for (let delayMs = 1; ; delayMs = Math.min(delayMs * 2, 50)) {
    try {
      return fn();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

function cachedStatements(db: Database.Database) {
  const prepared = new Map<string, Database.Statement>();
  return (sql: string) => {
    let found = prepared.get(sql);
    if (!found) {
      found = db.prepare(sql);
      prepared.set(sql, found);
    }
    return found;
  };
}

function insertToken(statement: (sql: string) => Database.Statement, t: RefreshTokenRow): void {
  statement(`INSERT INTO refresh_tokens (${TOKEN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...tokenValues(t));
}
