import pg from 'pg';
import type { CollectionName } from '@domain/collections';
import { accessFilterFor, assertPullArguments, mergePage, removalOf } from './access-filter';
import { coalescedReads } from './coalesced-reads';
import { CommitListeners } from './commit-listeners';
import { createPostgresAuthStore } from './postgres-auth-store';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { PostgresSeqListener } from './postgres-seq-listener';
import { PostgresSeqNotifier } from './postgres-seq-notifier';
import { bufferedGroup, type SerializedRecord } from './group-transaction';
import { recordKey } from './record-writes';
import type { PullCount, PullPage, Store, StoreTransaction, StoredRecord } from './store';
import { TransactionGate, type TransactionGroup } from './transaction-gate';

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). Writes use one at a time per process; reads the rest. */
  poolSize?: number;
  /** LISTEN/NOTIFY channel shared by every server process on the database (default 'outpost_seq'). */
  channel?: string;
  /** Hear other processes' commits (default true); tools that only write can turn it off. */
  listen?: boolean;
  /** Safety-net re-read of the head seq, in ms (default 5,000; 0 turns it off). */
  pollIntervalMs?: number;
}

type Row = {
  collection: string;
  id: string;
  seq: string;
  hlc: string;
  deleted: boolean;
  owner_id: string;
  team_id: string;
  body: string;
};

const COLUMNS = 'collection, id, seq, hlc, deleted, owner_id, team_id, body';

/** Serializes schema changes of instances starting at once; any constant unique to Outpost. */
const MIGRATION_LOCK_ID = '7013904411263627121';

/**
 * Taken first in every write transaction: the counter row's lock serializes writers across every
 * process on the database, so the transaction holding seqs n+1… commits before the next one can
 * even read the counter. Commit order therefore equals seq order (docs/sync-pitfalls.md, pitfall 2), and a snapshot that
 * sees the counter at n sees every record up to n.
 */
const BEGIN_AND_LOCK_SEQ = "BEGIN; SELECT value FROM meta WHERE key = 'seq' FOR UPDATE";

/**
 * The page and the head come from one statement, hence one snapshot: a commit between two
 * separate reads could otherwise hand out a checkpoint past a record the page did not contain.
 */
const pullText = (filter: string) => `
  SELECT head.value AS head, page.*
  FROM (SELECT value FROM meta WHERE key = 'seq') head
  LEFT JOIN LATERAL (
    SELECT ${COLUMNS} FROM records
    WHERE collection = $1 AND seq > $2 ${filter}
    ORDER BY seq LIMIT $3
  ) page ON true
  ORDER BY page.seq`;

const PULL_ALL = pullText('');
// The scan walks (collection, seq) and skips rows the scope hides, so pages stay full (docs/sync-pitfalls.md, pitfall 3).
const PULL_SCOPED = pullText(
  "AND (owner_id = ANY($4::text[]) OR team_id = ANY($5::text[]) OR ($6::boolean AND owner_id = ''))",
);

/**
 * One statement per batch: a multi-row VALUES list with one parameter per column and row, prepared
 * once per row count (a batch has at most 500 rows: 4,000 parameters, PostgreSQL allows 65,535).
 * Each body travels as its own text parameter, unescaped and unparsed, so it is stored exactly as
 * sent (docs/sync-pitfalls.md, pitfall 5). Measured for 20k contacts, 100 a batch: 120 ms of Node CPU and 180 ms of
 * PostgreSQL CPU, against 210 / 240 for text[] parameters with unnest (node-postgres writes them as
 * array literals, backslash-escaping every quote of every body) and 130 / 240 for a json array.
 *
 * Records the group knows to be new are written with a plain INSERT (`kind` 'insert'): ON CONFLICT
 * costs PostgreSQL a look into the primary key and a speculative insertion per row — measured for
 * 20k contacts in groups of 600, 170 ms of backend CPU against 140 for the plain INSERT.
 */
function writeText(kind: 'insert' | 'upsert', rows: number): string {
  const texts = kind === 'insert' ? insertTexts : upsertTexts;
  let text = texts.get(rows);
  if (text === undefined) texts.set(rows, (text = buildWriteText(kind, rows)));
  return text;
}

/** By row count: a statement is prepared once per connection, but its text was rebuilt per batch. */
const insertTexts = new Map<number, string>();
const upsertTexts = new Map<number, string>();

function buildWriteText(kind: 'insert' | 'upsert', rows: number): string {
  const values = Array.from({ length: rows }, (_, row) => {
    const p = row * 8;
    return `($${p + 1}, $${p + 2}, $${p + 3}::int8, $${p + 4}, $${p + 5}::bool, $${p + 6}, $${p + 7}, $${p + 8})`;
  });
  const insert = `INSERT INTO records (${COLUMNS}) VALUES ${values.join(', ')}`;
  if (kind === 'insert') return insert;
  return `${insert}
    ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, hlc = excluded.hlc, deleted = excluded.deleted,
      owner_id = excluded.owner_id, team_id = excluded.team_id, body = excluded.body`;
}

/** Records the scope could see before a write and cannot after it ($3–$5: the scope; $6: limit). */
const PULL_REMOVALS = `SELECT seq, id, old_hlc FROM access_changes
  WHERE collection = $1 AND seq > $2
    AND (old_owner_id = ANY($3::text[]) OR old_team_id = ANY($4::text[]) OR ($5::boolean AND old_owner_id = ''))
    AND NOT (new_owner_id = ANY($3::text[]) OR new_team_id = ANY($4::text[]) OR ($5::boolean AND new_owner_id = ''))
  ORDER BY seq LIMIT $6`;

/** The scope's filter on a record's current access keys ($3–$5), and on an access change's old and new ones. */
const IN_SCOPE = (owner: string, team: string) =>
  `(${owner} = ANY($3::text[]) OR ${team} = ANY($4::text[]) OR ($5::boolean AND ${owner} = ''))`;

/**
 * What pulls from a checkpoint would send, counted in one statement (one snapshot, so head and
 * counts agree): the visible records, and for a scoped reader the removals, after $2.
 */
const COUNT_ALL = `SELECT (SELECT value FROM meta WHERE key = 'seq') AS head,
  (SELECT count(*) FROM records WHERE collection = $1 AND seq > $2) AS documents`;
const COUNT_SCOPED = `SELECT (SELECT value FROM meta WHERE key = 'seq') AS head,
  (SELECT count(*) FROM records WHERE collection = $1 AND seq > $2 AND ${IN_SCOPE('owner_id', 'team_id')})
  + (SELECT count(*) FROM access_changes WHERE collection = $1 AND seq > $2
       AND ${IN_SCOPE('old_owner_id', 'old_team_id')} AND NOT ${IN_SCOPE('new_owner_id', 'new_team_id')}) AS documents`;

type RemovalRow = {
  seq: string;
  id: string;
  old_hlc: string;
};

/**
 * READS_ARE_PLANNED_EACH_TIME: lookups and pulls are unnamed statements, which PostgreSQL plans
 * with the actual parameters at every execution. A named (prepared) statement switches to a cached
 * generic plan after five executions; planned while a new store's table was small and never
 * analyzed, that plan was a sequential scan, kept while the table grew: measured at 20k records,
 * every 100-id lookup took 20 ms instead of 0.5 (a push batch 4× slower, in one run out of two).
 * Planning these short queries costs about 0.1 ms.
 *
 * LOOKUPS_USE_THE_PRIMARY_KEY: a lookup is one primary-key probe per id, whatever the table's
 * statistics. The plain `collection = $1 AND id = ANY($2)` was planned, on a table not analyzed yet
 * (a new store filling up, a bulk import before autovacuum's next look), as a bitmap scan of the
 * whole collection filtered by the ids: measured at 12k records, 4.6 ms for a group's 1,600 ids
 * against 1.5 ms this way, and growing with the table — a third of PostgreSQL's CPU in the push
 * bench. The LIMIT keeps the subquery from being flattened into a join that could be planned the
 * same way (a hash join over the whole collection, measured too).
 */
const GET_MANY = `SELECT r.* FROM unnest($2::text[]) AS wanted(id)
  CROSS JOIN LATERAL (SELECT ${COLUMNS} FROM records WHERE collection = $1 AND id = wanted.id LIMIT 1) r`;
const CURRENT_SEQ = "SELECT value FROM meta WHERE key = 'seq'";

/**
 * The PostgreSQL adapter (teams: several server processes may share one database).
 *
 * Writes: an in-process queue (so waiting writers do not each hold a pooled connection), then the
 * counter row lock across processes. Seqs are assigned in memory from the locked counter and the
 * counter is written back just before COMMIT, so a rolled-back transaction consumes no number.
 * Commits are announced locally at once and to other processes by a coalesced NOTIFY.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const channel = options.channel ?? 'outpost_seq';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`PostgreSQL store: invalid channel name '${channel}'`);

  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, application_name: 'outpost-sync' });
  // An idle pooled connection that drops emits 'error' on the pool; unheard, it would crash the process.
  pool.on('error', (error) => console.warn(`store: idle PostgreSQL connection failed (${error.message})`));

  let listener: PostgresSeqListener | null = null;
  let listeners: CommitListeners;
  try {
    await migrate(pool);
    listeners = new CommitListeners(await readCurrentSeq(pool));
    if (options.listen ?? true) {
      listener = new PostgresSeqListener({
        url,
        channel,
        onSeq: (seq) => listeners.announce(seq),
        pollIntervalMs: options.pollIntervalMs ?? 5_000,
      });
      await listener.start();
    }
  } catch (error) {
    await listener?.stop();
    await pool.end().catch(() => undefined);
    throw error;
  }

  const notifier = new PostgresSeqNotifier(pool, channel);
  // Writes have their own connections: one for the group in flight and one for the next group,
  // which queues for the counter lock while the previous one commits. Pulls cannot starve them.
  // Pipeline mode: a member's upsert, the counter update and the COMMIT go out without waiting for
  // one another's answers (node-postgres sends each with its own Sync, so each gets its own result
  // or error, and PostgreSQL refuses everything after a failure until ROLLBACK).
  const writePool = new pg.Pool({
    connectionString: url,
    max: 2,
    pipeline: true,
    application_name: 'outpost-sync-writer',
  });
  writePool.on('error', (error) => console.warn(`store: idle PostgreSQL write connection failed (${error.message})`));

  const getMany = async (db: pg.Pool | pg.PoolClient, collection: CollectionName, ids: readonly string[]) => {
    const found = new Map<string, StoredRecord>();
    if (ids.length === 0) return found;
    // Unnamed, like the pulls: see READS_ARE_PLANNED_EACH_TIME.
    const result = await db.query<Row>({ text: GET_MANY, values: [collection, ids] });
    for (const row of result.rows) found.set(row.id, toStoredRecord(row));
    return found;
  };

  /**
   * Opens one group's transaction (see TransactionGate, group-transaction.ts) on a write connection:
   * its first statement locks the counter row, so no other writer of any process can commit until
   * this group has. The members' reads therefore go to the pool and see the state the group builds
   * on (a failed read then fails its member only, where a failed statement on the write connection
   * would abort the whole transaction). Each member's rows are sent as soon as it has finished,
   * without waiting for the answer; the counter update and COMMIT follow on the same connection.
   */
  const openGroup = async (): Promise<TransactionGroup> => {
    const client = await writePool.connect();
    let startSeq: number;
    try {
      const results = (await client.query(BEGIN_AND_LOCK_SEQ)) as unknown as pg.QueryResult<{ value: string }>[];
      startSeq = Number(results[1]?.rows[0]?.value);
      if (!Number.isSafeInteger(startSeq)) throw new Error('PostgreSQL store: the seq counter row is missing');
    } catch (error) {
      await endTransaction(client, 'ROLLBACK');
      throw error;
    }
    // After a failed statement PostgreSQL ignores everything until ROLLBACK, and would even answer
    // COMMIT with a silent rollback: the first failure is kept and the group is never committed.
    let failure: { error: unknown } | null = null;
    const sent: Promise<unknown>[] = [];
    let ended = false;
    // NEW_RECORDS: records a read of this group found missing and nothing in the group has written
    // since. No other writer can create one before this group commits (it holds the counter lock),
    // so the group's first write of such a record is a plain INSERT. Should that ever be wrong, the
    // primary key refuses the INSERT and the whole group fails: nothing is overwritten.
    const missing = new Set<string>();
    const writtenKeys = new Set<string>();
    return bufferedGroup('PostgreSQL', startSeq, {
      read: coalescedReads(async (collection, ids) => {
        const found = await getMany(pool, collection, ids);
        for (const id of ids) {
          const key = recordKey(collection, id);
          // A read answered after a member of this group wrote the record saw the table without it.
          if (!found.has(id) && !writtenKeys.has(key)) missing.add(key);
        }
        return found;
      }),
      write(records) {
        sent.push(
          writeRecords(client, records, missing, writtenKeys).catch((error: unknown) => (failure ??= { error })),
        );
      },
      async commit(_records, seq, openNext) {
        // seq is our own safe integer: inlining it keeps the write-back and COMMIT one round trip.
        const committing = client.query(
          seq > startSeq ? `UPDATE meta SET value = ${seq} WHERE key = 'seq'; COMMIT` : 'COMMIT',
        );
        // On the second write connection, right away: PostgreSQL grants it the counter lock the
        // moment this COMMIT has made the counter durable, with no round trip in between.
        const next = openNext ? openGroup() : null;
        next?.catch(() => undefined);
        await Promise.all(sent);
        if (failure) {
          await committing.catch(() => undefined);
          throw failure.error;
        }
        const results = [(await committing) as unknown as pg.QueryResult | pg.QueryResult[]].flat();
        // COMMIT of a transaction that failed answers ROLLBACK, without an error.
        if (results.at(-1)?.command !== 'COMMIT') throw new Error('PostgreSQL store: the group was rolled back');
        ended = true;
        client.release();
        if (seq > startSeq) notifier.notify(seq);
        return { next };
      },
      async rollback() {
        if (ended) return;
        ended = true;
        await endTransaction(client, 'ROLLBACK');
      },
    });
  };

  const gate = new TransactionGate({
    storeName: 'PostgreSQL',
    openGroup,
    committed: (seq) => listeners.announce(seq),
  });

  return {
    kind: 'postgres',
    // Sign-in tables, on the read pool: short statements, never inside a record write.
    auth: createPostgresAuthStore(pool),

    transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
      return gate.run(fn);
    },

    async pull(collection, afterSeq, limit, scope): Promise<PullPage> {
      assertPullArguments(afterSeq, limit);
      gate.assertOpen();
      const filter = accessFilterFor(collection, scope);
      if (filter.kind === 'nothing') {
        const head = await readCurrentSeq(pool);
        return { records: [], checkpoint: head, head };
      }
      const result =
        filter.kind === 'everything'
          ? await pool.query<Row & { head: string }>({
              text: PULL_ALL,
              values: [collection, afterSeq, limit],
            })
          : await pool.query<Row & { head: string }>({
              text: PULL_SCOPED,
              values: [collection, afterSeq, limit, filter.ownerIds, filter.teamIds, filter.unowned],
            });
      const head = Number(result.rows[0]?.head ?? 0);
      const records = result.rows.filter((row) => row.id !== null).map(toStoredRecord);
      if (filter.kind === 'everything') return mergePage(records, [], limit, head);
      // A second statement, so a second snapshot: removals past the first one's head are left for
      // the next pull (commit order is seq order, so every removal up to head is visible here).
      const removed = await pool.query<RemovalRow>({
        text: PULL_REMOVALS,
        values: [collection, afterSeq, filter.ownerIds, filter.teamIds, filter.unowned, limit],
      });
      const removals = removed.rows
        .filter((row) => Number(row.seq) <= head)
        .map((row) =>
          removalOf({
            seq: Number(row.seq),
            collection,
            id: row.id,
            oldHlc: row.old_hlc,
          }),
        );
      return mergePage(records, removals, limit, head);
    },

    async pullCount(collection, afterSeq, scope): Promise<PullCount> {
      assertPullArguments(afterSeq, 1);
      gate.assertOpen();
      const filter = accessFilterFor(collection, scope);
      if (filter.kind === 'nothing') return { documents: 0, head: await readCurrentSeq(pool) };
      const result =
        filter.kind === 'everything'
          ? await pool.query<{ head: string; documents: string }>({ text: COUNT_ALL, values: [collection, afterSeq] })
          : await pool.query<{ head: string; documents: string }>({
              text: COUNT_SCOPED,
              values: [collection, afterSeq, filter.ownerIds, filter.teamIds, filter.unowned],
            });
      const row = result.rows[0];
      return { documents: Number(row?.documents ?? 0), head: Number(row?.head ?? 0) };
    },

    async getRecords(collection, ids) {
      gate.assertOpen();
      return getMany(pool, collection, ids);
    },

    async currentSeq() {
      gate.assertOpen();
      return readCurrentSeq(pool);
    },

    async ping() {
      gate.assertOpen();
      await pool.query('SELECT 1');
    },

    onCommitted(listen) {
      return listeners.add(listen);
    },

    async close() {
      if (gate.isClosing) return;
      await gate.close();
      await listener?.stop();
      // Let the last commit's NOTIFY reach the other processes before the pool goes.
      await notifier.flush();
      await writePool.end();
      await pool.end();
    },
  };
}

/** Ends a write connection's transaction and gives the connection back (destroyed if it could not end). */
async function endTransaction(client: pg.PoolClient, sql: 'ROLLBACK'): Promise<void> {
  let broken: Error | undefined;
  await client.query(sql).catch((error: Error) => (broken = error));
  // A connection that could not roll back is in an unknown state: destroy, do not reuse.
  client.release(broken);
}

/**
 * Writes a member's records: one INSERT for those known to be new (NEW_RECORDS), one upsert for
 * the rest. `missing` and `writtenKeys` are the group's and are updated here.
 */
async function writeRecords(
  client: pg.PoolClient,
  records: readonly SerializedRecord[],
  missing: Set<string>,
  writtenKeys: Set<string>,
): Promise<void> {
  // ON CONFLICT cannot touch one row twice in a statement: when a batch writes the same record
  // more than once, only its last version (the highest seq) reaches the table, exactly as if the
  // earlier ones had been written and then replaced.
  const lastIndex = new Map<string, number>();
  records.forEach((record, index) => lastIndex.set(recordKey(record.collection, record.id), index));
  const inserts: (string | number | boolean)[] = [];
  const upserts: (string | number | boolean)[] = [];
  records.forEach((record, index) => {
    const key = recordKey(record.collection, record.id);
    if (lastIndex.get(key) !== index) return;
    const { collection, id, seq, hlc, deleted, ownerId, teamId, text } = record;
    (missing.delete(key) ? inserts : upserts).push(collection, id, seq, hlc, deleted, ownerId, teamId, text);
    writtenKeys.add(key);
  });
  const statements: Promise<unknown>[] = [];
  for (const [kind, values] of [
    ['insert', inserts],
    ['upsert', upserts],
  ] as const) {
    const rows = values.length / 8;
    if (rows > 0)
      statements.push(client.query({ name: `outpost_${kind}_${rows}`, text: writeText(kind, rows), values }));
  }
  await Promise.all(statements);
  const changes = records.filter((record) => record.previousAccess);
  if (changes.length > 0) {
    await client.query({
      text: `INSERT INTO access_changes (seq, collection, id, old_owner_id, old_team_id, new_owner_id, new_team_id, old_hlc, old_body)
        SELECT * FROM unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
      values: [
        changes.map((c) => c.seq),
        changes.map((c) => c.collection),
        changes.map((c) => c.id),
        changes.map((c) => c.previousAccess!.ownerId),
        changes.map((c) => c.previousAccess!.teamId),
        changes.map((c) => c.ownerId),
        changes.map((c) => c.teamId),
        changes.map((c) => c.previousAccess!.hlc),
        changes.map((c) => c.previousAccess!.bodyText),
      ],
    });
  }
}

async function readCurrentSeq(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ value: string }>({ name: 'outpost_current_seq', text: CURRENT_SEQ });
  return Number(result.rows[0]?.value ?? 0);
}

/** Applies the steps newer than the database's schema_version, all in one transaction. */
async function migrate(pool: pg.Pool): Promise<void> {
  const latest = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1]?.version ?? 0;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    // Two instances starting at once: the second waits here, then finds the schema up to date.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query('CREATE TABLE IF NOT EXISTS meta (key text COLLATE "C" PRIMARY KEY, value bigint NOT NULL)');
    await client.query("INSERT INTO meta (key, value) VALUES ('schema_version', 0) ON CONFLICT (key) DO NOTHING");
    const result = await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
    const version = Number(result.rows[0]?.value ?? 0);
    if (version > latest) {
      throw new Error(
        `PostgreSQL store: the database has schema version ${version}, newer than this server (${latest})`,
      );
    }
    for (const step of POSTGRES_MIGRATIONS) {
      if (step.version <= version) continue;
      await client.query(step.sql);
      await client.query("UPDATE meta SET value = $1 WHERE key = 'schema_version'", [step.version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

function toStoredRecord(row: Row): StoredRecord {
  return {
    collection: row.collection as CollectionName,
    id: row.id,
    seq: Number(row.seq),
    hlc: row.hlc,
    deleted: row.deleted,
    ownerId: row.owner_id,
    teamId: row.team_id,
    body: JSON.parse(row.body) as Record<string, unknown>,
  };
}
