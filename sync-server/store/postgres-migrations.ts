/**
 * The PostgreSQL store's own schema, one step per version, applied in order at open under an
 * advisory lock (see postgres-store.ts). Never edit a released step: add the next one.
 *
 * `body` is text, not jsonb: the document must come back exactly as the client sent it (jsonb
 * re-orders keys, drops duplicate keys and re-spaces; docs/sync-pitfalls.md, pitfall 5), nothing queries
 * inside it (what a pull filters on has its own columns), and text is faster to insert and page
 * (docs/performance.md, raw limits: 57k vs 45k inserts/s, 307k vs 220k paged rows/s). A later need to query the
 * body can add an expression index on `body::jsonb`.
 *
 * Keys use the "C" collation: byte comparison is faster than a linguistic one, and ids need no
 * locale.
 */
export const POSTGRES_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE records (
        collection text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        seq bigint NOT NULL,
        hlc text COLLATE "C" NOT NULL,
        deleted boolean NOT NULL,
        owner_id text COLLATE "C" NOT NULL,
        team_id text COLLATE "C" NOT NULL,
        body text NOT NULL,
        PRIMARY KEY (collection, id)
      );
      -- Two writes can never share a number, whatever goes wrong above this layer.
      CREATE UNIQUE INDEX records_seq ON records (seq);
      -- Pull is a keyset scan of one collection in seq order, with the access filter applied to
      -- the rows the scan meets, so a page stops after \`limit\` visible rows.
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
        seq bigint PRIMARY KEY,
        collection text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        old_owner_id text COLLATE "C" NOT NULL,
        old_team_id text COLLATE "C" NOT NULL,
        new_owner_id text COLLATE "C" NOT NULL,
        new_team_id text COLLATE "C" NOT NULL,
        old_hlc text COLLATE "C" NOT NULL,
        old_body text NOT NULL
      );
      CREATE INDEX access_changes_collection_seq ON access_changes (collection, seq);
      -- Access keys as domain/permissions accessKeysOf reads them (saved views: their user and
      -- shared team; users: themselves and their team); version 1 copied ownerId/teamId only.
      UPDATE records SET owner_id = coalesce(body::jsonb->>'userId', ''),
        team_id = coalesce(body::jsonb->>'sharedWithTeamId', '') WHERE collection = 'saved_views';
      UPDATE records SET owner_id = id WHERE collection = 'users';
    `,
  },
  {
    version: 3,
    // Accounts (sync-server/store/auth-store.ts): server-only, never replicated. The profile each
    // user has in the \`users\` collection is a record; these rows are what signs them in.
    sql: `
      CREATE TABLE credentials (
        user_id text COLLATE "C" PRIMARY KEY,
        email text COLLATE "C" NOT NULL UNIQUE,
        password_hash text NOT NULL,
        created_at text NOT NULL,
        last_seen_at text
      );
      CREATE TABLE refresh_tokens (
        id text COLLATE "C" PRIMARY KEY,
        user_id text COLLATE "C" NOT NULL,
        secret_hash text NOT NULL,
        expires_at text NOT NULL,
        revoked_at text,
        device_name text NOT NULL,
        created_at text NOT NULL,
        replaced_by text COLLATE "C"
      );
      CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
      CREATE TABLE server_secrets (name text COLLATE "C" PRIMARY KEY, value text NOT NULL);
    `,
  },
  {
    version: 4,
    // A rotated refresh token keeps its successor, sealed with a key only the rotated token's own
    // secret gives (auth/refresh-successor.ts): see the SQLite step of the same version.
    sql: `ALTER TABLE refresh_tokens ADD COLUMN successor_sealed text;`,
  },
  {
    version: 5,
    // Leads gained `interest` (domain/collections/leads.ts, migration to v2). A device pulls what is stored
    // and pushes whole documents, so a lead stored before would come back refused for the missing
    // field: it gets it here, appended to the text, which otherwise stays as the client sent it.
    // No new seq: devices that already hold the lead add the field themselves when they update.
    sql: `
      UPDATE records SET body = left(rtrim(body), -1) || ',"interest":""}'
        WHERE collection = 'leads' AND jsonb_typeof(body::jsonb) = 'object' AND NOT (body::jsonb ? 'interest')
          AND rtrim(body) <> '{}';
    `,
  },
  {
    version: 6,
    // Access tokens carry the account's token version (\`ver\`); counting it up ends every access
    // token issued before: at a password change, a change of role or team, a deactivation
    // (sync-server/auth/authenticate-hook.ts).
    sql: `ALTER TABLE credentials ADD COLUMN token_version integer NOT NULL DEFAULT 0;`,
  },
];
