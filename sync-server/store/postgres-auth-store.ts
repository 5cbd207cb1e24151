import type pg from 'pg';
import type { AuthStore } from './auth-store';
import {
  CREDENTIAL_COLUMNS,
  NEW_CREDENTIAL_COLUMNS,
  TOKEN_COLUMNS,
  toCredentials,
  toToken,
  tokenValues,
  type CredentialsRow,
  type TokenRow,
} from './auth-rows';

const INSERT_TOKEN = `INSERT INTO refresh_tokens (${TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

/**
 * The auth tables of a PostgreSQL store (auth-store.ts), on the store's read pool: each call is
 * one short statement (or, for a rotation, one short transaction), never inside a record write.
 * Uniqueness and single use are the database's (unique email, `revoked_at IS NULL` in the
 * rotation's UPDATE), so several server instances on one database agree.
 */
export function createPostgresAuthStore(pool: pg.Pool): AuthStore {
  const rows = async <R extends pg.QueryResultRow>(text: string, values: unknown[]) =>
    (await pool.query<R>({ text, values })).rows;

  return {
    async putSecretIfAbsent(name, value) {
      // One statement: the insert's row when it won, else the row another instance stored first.
      const found = await rows<{ value: string }>(
        `WITH inserted AS (
           INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING value
         )
         SELECT value FROM inserted UNION ALL SELECT value FROM server_secrets WHERE name = $1`,
        [name, value],
      );
      if (found[0]) return found[0].value;
      // Another instance inserted at the same moment: its row committed after this statement's
      // snapshot was taken, so only a new statement sees it.
      const stored = await rows<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [name]);
      if (!stored[0]) throw new Error(`PostgreSQL store: server secret ${name} could not be stored`);
      return stored[0].value;
    },
    async getSecret(name) {
      return (
        (await rows<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [name]))[0]?.value ?? null
      );
    },
    async replaceSecret(name, expected, next) {
      const updated = await pool.query('UPDATE server_secrets SET value = $1 WHERE name = $2 AND value = $3', [
        next,
        name,
        expected,
      ]);
      return updated.rowCount === 1;
    },
    async deleteSecret(name, value) {
      await pool.query('DELETE FROM server_secrets WHERE name = $1 AND value = $2', [name, value]);
    },

    async insertCredentials(c) {
      const inserted = await pool.query(
        `INSERT INTO credentials (${NEW_CREDENTIAL_COLUMNS}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING`,
        [c.userId, c.email, c.passwordHash, c.createdAt, c.lastSeenAt],
      );
      return inserted.rowCount === 1 ? 'ok' : 'emailTaken';
    },
    async deleteCredentials(userId) {
      await pool.query('DELETE FROM credentials WHERE user_id = $1', [userId]);
    },
    async credentialsByEmail(email) {
      const found = await rows<CredentialsRow>(`SELECT ${CREDENTIAL_COLUMNS} FROM credentials WHERE email = $1`, [
        email,
      ]);
      return toCredentials(found[0]);
    },
    async credentialsById(userId) {
      const found = await rows<CredentialsRow>(`SELECT ${CREDENTIAL_COLUMNS} FROM credentials WHERE user_id = $1`, [
        userId,
      ]);
      return toCredentials(found[0]);
    },
    async listCredentials() {
      const found = await rows<CredentialsRow>(`SELECT ${CREDENTIAL_COLUMNS} FROM credentials ORDER BY user_id`, []);
      return found.map((row) => toCredentials(row)!);
    },
    async setPasswordHash(userId, hash) {
      await pool.query(
        'UPDATE credentials SET password_hash = $1, token_version = token_version + 1 WHERE user_id = $2',
        [hash, userId],
      );
    },
    async bumpTokenVersion(userId) {
      const found = await rows<{ token_version: number }>(
        'UPDATE credentials SET token_version = token_version + 1 WHERE user_id = $1 RETURNING token_version',
        [userId],
      );
      return found[0] ? Number(found[0].token_version) : null;
    },
    async touchLastSeen(userId, at) {
      await pool.query('UPDATE credentials SET last_seen_at = $1 WHERE user_id = $2', [at, userId]);
    },

    async insertRefreshToken(t) {
      await pool.query(INSERT_TOKEN, tokenValues(t));
    },
    async refreshTokenById(id) {
      return toToken((await rows<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM refresh_tokens WHERE id = $1`, [id]))[0]);
    },
    async rotateRefreshToken(oldId, next, at, successorSealed) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        // The row lock makes a concurrent rotation of the same token wait, then find it used.
        const used = await client.query(
          'UPDATE refresh_tokens SET revoked_at = $1, replaced_by = $2, successor_sealed = $3 WHERE id = $4 AND revoked_at IS NULL',
          [at, next.id, successorSealed, oldId],
        );
        if (used.rowCount !== 1) {
          await client.query('ROLLBACK');
          return false;
        }
        await client.query(INSERT_TOKEN, tokenValues(next));
        await client.query('COMMIT');
        return true;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async revokeRefreshToken(id, at) {
      await pool.query('UPDATE refresh_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
    },
    async revokeTokenFamily(id, at) {
      await pool.query(
        `WITH RECURSIVE family(id) AS (
           SELECT id FROM refresh_tokens WHERE id = $1
           UNION SELECT t.replaced_by FROM refresh_tokens t JOIN family f ON t.id = f.id WHERE t.replaced_by IS NOT NULL
         )
         UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, $2) WHERE id IN (SELECT id FROM family)`,
        [id, at],
      );
    },
    async revokeUserTokens(userId, at) {
      await pool.query('UPDATE refresh_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL', [
        at,
        userId,
      ]);
    },
  };
}
