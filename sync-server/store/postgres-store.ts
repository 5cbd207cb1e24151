import pg from 'pg';
import type { CollectionName } from '@domain/collections';
import { accessFilterFor, assertPullArguments } from './access-filter';
import { CommitListeners } from './commit-listeners';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { PostgresSeqListener } from './postgres-seq-listener';
import { PostgresSeqNotifier } from './postgres-seq-notifier';
import { assertRecordWrites, recordKey, withSeq } from './record-writes';
import type { PullPage, Store, StoreTransaction, StoredRecord } from './store';
import { TransactionGate } from './transaction-gate';

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
 * even read the counter. Commit order therefore equals seq order (trap 2), and a snapshot that
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
// The scan walks (collection, seq) and skips rows the scope hides, so pages stay full (trap 3).
const PULL_SCOPED = pullText(
  "AND (owner_id = ANY($4::text[]) OR team_id = ANY($5::text[]) OR ($6::boolean AND owner_id = ''))",
);

// One statement per batch, whatever its size: arrays, not a round trip (or a VALUES row) per record.
const UPSERT = `
  INSERT INTO records (${COLUMNS})
  SELECT * FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[], $5::bool[], $6::text[], $7::text[], $8::text[])
  ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, hlc = excluded.hlc, deleted = excluded.deleted,
    owner_id = excluded.owner_id, team_id = excluded.team_id, body = excluded.body`;

const GET_MANY = `SELECT ${COLUMNS} FROM records WHERE collection = $1 AND id = ANY($2::text[])`;
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
  const gate = new TransactionGate('PostgreSQL');

  const getMany = async (db: pg.Pool | pg.PoolClient, collection: CollectionName, ids: readonly string[]) => {
    const found = new Map<string, StoredRecord>();
    if (ids.length === 0) return found;
    const result = await db.query<Row>({ name: 'outpost_get_many', text: GET_MANY, values: [collection, ids] });
    for (const row of result.rows) found.set(row.id, toStoredRecord(row));
    return found;
  };

  return {
    kind: 'postgres',

    transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
      return gate.run(async () => {
        const client = await pool.connect();
        let broken: Error | undefined;
        let open = true;
        try {
          const results = (await client.query(BEGIN_AND_LOCK_SEQ)) as unknown as pg.QueryResult<{ value: string }>[];
          const startSeq = Number(results[1]?.rows[0]?.value);
          if (!Number.isSafeInteger(startSeq)) throw new Error('PostgreSQL store: the seq counter row is missing');
          let seq = startSeq;
          // After a failed statement PostgreSQL ignores everything until ROLLBACK, and would even
          // answer COMMIT with a silent rollback: remember the failure and never commit (the
          // contract of StoreTransaction).
          let failure: unknown;
          const guarded = async <R>(work: () => Promise<R>): Promise<R> => {
            if (!open) throw new Error('PostgreSQL store: this transaction has already finished');
            if (failure) throw new Error('PostgreSQL store: this transaction failed earlier', { cause: failure });
            try {
              return await work();
            } catch (error) {
              failure = error;
              throw error;
            }
          };
          const tx: StoreTransaction = {
            getRecords: (collection, ids) => guarded(() => getMany(client, collection, ids)),
            putRecords: async (records) => {
              // Refused before any SQL is sent: the transaction stays usable.
              assertRecordWrites(records);
              return guarded(async () => {
                const stored = records.map((record, index) => withSeq(record, seq + index + 1));
                if (stored.length > 0) await upsert(client, stored);
                seq += stored.length;
                return stored;
              });
            },
          };

          const result = await fn(tx);
          open = false;
          if (failure) throw failure;
          // seq is our own safe integer: inlining it keeps the write-back and COMMIT one round trip.
          await client.query(seq > startSeq ? `UPDATE meta SET value = ${seq} WHERE key = 'seq'; COMMIT` : 'COMMIT');
          if (seq > startSeq) {
            listeners.announce(seq);
            notifier.notify(seq);
          }
          return result;
        } catch (error) {
          open = false;
          await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
          throw error;
        } finally {
          // A connection that could not roll back is in an unknown state: destroy, do not reuse.
          client.release(broken);
        }
      });
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
              name: 'outpost_pull_all',
              text: PULL_ALL,
              values: [collection, afterSeq, limit],
            })
          : await pool.query<Row & { head: string }>({
              name: 'outpost_pull_scoped',
              text: PULL_SCOPED,
              values: [collection, afterSeq, limit, filter.ownerIds, filter.teamIds, filter.unowned],
            });
      const head = Number(result.rows[0]?.head ?? 0);
      const records = result.rows.filter((row) => row.id !== null).map(toStoredRecord);
      const last = records[records.length - 1];
      return { records, checkpoint: records.length === limit && last ? last.seq : head, head };
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
      await pool.end();
    },
  };
}

async function upsert(client: pg.PoolClient, records: readonly StoredRecord[]): Promise<void> {
  // ON CONFLICT cannot touch one row twice in a statement: when a batch writes the same record
  // more than once, only its last version (the highest seq) reaches the table, exactly as if the
  // earlier ones had been written and then replaced.
  const lastIndex = new Map<string, number>();
  records.forEach((record, index) => lastIndex.set(recordKey(record.collection, record.id), index));
  const columns: [string[], string[], number[], string[], boolean[], string[], string[], string[]] = [
    [],
    [],
    [],
    [],
    [],
    [],
    [],
    [],
  ];
  records.forEach((record, index) => {
    if (lastIndex.get(recordKey(record.collection, record.id)) !== index) return;
    columns[0].push(record.collection);
    columns[1].push(record.id);
    columns[2].push(record.seq);
    columns[3].push(record.hlc);
    columns[4].push(record.deleted);
    columns[5].push(record.ownerId);
    columns[6].push(record.teamId);
    columns[7].push(JSON.stringify(record.body));
  });
  await client.query({ name: 'outpost_upsert', text: UPSERT, values: columns });
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
