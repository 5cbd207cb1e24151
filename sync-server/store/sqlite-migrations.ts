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
];
