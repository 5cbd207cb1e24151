/**
 * The SQLite store's own schema, one step per version, applied in order at open (never edited
 * once released: a later change is a new step). `meta` holds `schema_version` and the global
 * sequence counter `seq`; it is created before the first step so the version can be read.
 */
export const SQLITE_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE records (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        hlc TEXT NOT NULL,
        deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
        owner_id TEXT NOT NULL,
        team_id TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      ) STRICT;
      -- Two writes can never share a number, whatever goes wrong above this layer.
      CREATE UNIQUE INDEX records_seq ON records (seq);
      -- Pull is a keyset scan of one collection in seq order; the access filter is checked on the
      -- rows the scan meets, so a page stops after \`limit\` visible rows (see sqlite-store.ts).
      -- Measured at 100k records: a whole bootstrap of a scope that sees 0.8% of them scans the
      -- collection once (about 30 ms); 10–28% visible, 50–95 ms; a pull at the head, under 0.3 ms.
      -- Per-owner or per-team indexes would need an OR of index scans merged by seq: not worth it.
      CREATE INDEX records_collection_seq ON records (collection, seq);
      INSERT INTO meta (key, value) VALUES ('seq', 0);
    `,
  },
  {
    version: 2,
    // Revocation (docs/sync-pitfalls.md, pitfall 8): a write that changes a record's owner or team also logs
    // who could see it before, with the body they last saw, under the write's own seq. A pull then
    // sends the record as a removal to everyone who could see it before and cannot now.
    sql: `
      CREATE TABLE access_changes (
        seq INTEGER PRIMARY KEY,
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        old_owner_id TEXT NOT NULL,
        old_team_id TEXT NOT NULL,
        new_owner_id TEXT NOT NULL,
        new_team_id TEXT NOT NULL,
        old_hlc TEXT NOT NULL,
        old_body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX access_changes_collection_seq ON access_changes (collection, seq);
      -- Access keys as domain/permissions accessKeysOf reads them (saved views: their user and
      -- shared team; users: themselves and their team); version 1 copied ownerId/teamId only.
      UPDATE records SET owner_id = coalesce(json_extract(body, '$.userId'), ''),
        team_id = coalesce(json_extract(body, '$.sharedWithTeamId'), '') WHERE collection = 'saved_views';
      UPDATE records SET owner_id = id WHERE collection = 'users';
    `,
  },
  {
    version: 3,
    // Accounts (sync-server/store/auth-store.ts): server-only, never replicated. The profile each
    // user has in the \`users\` collection is a record; these rows are what signs them in.
    sql: `
      CREATE TABLE credentials (
        user_id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT
      ) STRICT;
      CREATE TABLE refresh_tokens (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT,
        device_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        replaced_by TEXT
      ) STRICT;
      CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
      CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    `,
  },
  {
    version: 4,
    // A rotated refresh token keeps its successor, sealed with a key only the rotated token's own
    // secret gives (auth/refresh-successor.ts): a device that presents it again within seconds —
    // two windows refreshing at once — gets the same successor instead of ending the session.
    sql: `ALTER TABLE refresh_tokens ADD COLUMN successor_sealed TEXT;`,
  },
  {
    version: 5,
    // Leads gained `interest` (domain/collections/leads.ts, migration to v2). A device pulls what is stored
    // and pushes whole documents, so a lead stored before would come back refused for the missing
    // field: it gets it here, appended to the text, which otherwise stays as the client sent it.
    // No new seq: devices that already hold the lead add the field themselves when they update.
    sql: `
      UPDATE records SET body = substr(rtrim(body), 1, length(rtrim(body)) - 1) || ',"interest":""}'
        WHERE collection = 'leads' AND json_type(body) = 'object' AND json_type(body, '$.interest') IS NULL
          AND rtrim(body) <> '{}';
    `,
  },
  {
    version: 6,
    // Access tokens carry the account's token version (\`ver\`); counting it up ends every access
    // token issued before: at a password change, a change of role or team, a deactivation
    // (sync-server/auth/authenticate-hook.ts).
    sql: `ALTER TABLE credentials ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;`,
  },
];
