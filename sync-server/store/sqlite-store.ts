import Database from 'better-sqlite3';
import type { CollectionName } from '@domain/collections';
import { accessFilterFor, assertPullArguments, mergePage, removalOf } from './access-filter';
import { CommitListeners } from './commit-listeners';
import { createSqliteAuthStore, openSqliteAuthConnection } from './sqlite-auth-store';
import { bufferedGroup, type SerializedRecord } from './group-transaction';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import type { AccessScope, PullCount, PullPage, Store, StoreTransaction, StoredRecord } from './store';
import { inlineWriter, threadWriter, type SqliteWriter } from './sqlite-writer';
import { TransactionGate, type TransactionGroup } from './transaction-gate';

/** How long a write waits for another process (or another store on the same file) to commit. */
const WRITE_LOCK_TIMEOUT_MS = 5_000;
const READ_BUSY_TIMEOUT_MS = 5_000;

/**
 * Every connection's settings. FULL: the WAL is synced at every commit, so an acknowledged write
 * survives power loss (NORMAL in WAL mode may lose the last commits).
 */
const CONNECTION_PRAGMAS = ['synchronous = FULL', 'foreign_keys = ON'];

type Row = {
  collection: string;
  id: string;
  seq: number;
  hlc: string;
  deleted: number;
  owner_id: string;
  team_id: string;
  body: string;
};

const COLUMNS = 'collection, id, seq, hlc, deleted, owner_id, team_id, body';

const CURRENT_SEQ = "SELECT value FROM meta WHERE key = 'seq'";
const LOG_ACCESS_CHANGE = `INSERT INTO access_changes
  (seq, collection, id, old_owner_id, old_team_id, new_owner_id, new_team_id, old_hlc, old_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const SET_SEQ = "UPDATE meta SET value = ? WHERE key = 'seq'";
const GET_MANY = `SELECT ${COLUMNS} FROM records WHERE collection = ? AND id IN (SELECT value FROM json_each(?))`;
const UPSERT = `INSERT INTO records (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, hlc = excluded.hlc, deleted = excluded.deleted,
    owner_id = excluded.owner_id, team_id = excluded.team_id, body = excluded.body`;

/**
 * The SQLite adapter (the default store: single server, desktop embedded mode).
 *
 * Two connections to one WAL file. The writer lives on its own thread (sqlite-writer.ts) and runs
 * the write transactions; the reader, on the calling thread, serves pulls and lookups from
 * committed data only (a single connection would let a pull see the rows of a transaction that is
 * still awaiting its callback and may yet roll back). An in-memory database cannot be shared
 * between connections, so `:memory:` uses one connection on the calling thread and makes its reads
 * wait for the transaction in flight.
 *
 * Writes are committed in groups (transaction-gate.ts): transactions queued while one runs share
 * its BEGIN IMMEDIATE … COMMIT, each in its own savepoint, and their callers hear back only after
 * that COMMIT — synchronous=FULL, so after the fsync. One fsync then serves several pushes, and it
 * runs on the writer thread while the event loop parses and validates the next ones.
 *
 * Seq order: SQLite has one writer at a time (BEGIN IMMEDIATE) and the counter row is updated in
 * the same transaction as the records, so commit order equals seq order, also across processes,
 * and a rolled-back transaction (or member of a group) leaves the counter where it was.
 */
export async function openSqliteStore(file: string): Promise<Store> {
  const inMemory = file === ':memory:';
  // Migrations at open, then the reads (and, in memory, the writes too).
  const reader = openConnection(file);
  let writer: SqliteWriter;
  try {
    if (!inMemory) {
      const mode = String(reader.pragma('journal_mode = WAL', { simple: true }));
      if (mode !== 'wal') throw new Error(`SQLite store ${file}: could not switch to WAL (journal_mode is ${mode})`);
    }
    // Never busy-wait inside SQLite on this thread: that would block the event loop.
    // beginImmediate() retries asynchronously instead.
    reader.pragma('busy_timeout = 0');
    await migrate(reader);
    reader.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
    if (inMemory) {
      writer = inlineWriter(reader);
    } else {
      // The reader never writes; make a mistake loud instead of a second writer.
      reader.pragma('query_only = ON');
      // The writer thread may wait for another process's write lock inside SQLite: that blocks
      // only its own thread.
      writer = await threadWriter(file, [...CONNECTION_PRAGMAS, `busy_timeout = ${WRITE_LOCK_TIMEOUT_MS}`]);
    }
  } catch (error) {
    reader.close();
    throw error;
  }

  const r = readerStatements(reader);
  const getMany = (collection: CollectionName, ids: readonly string[]) =>
    recordMap(ids.length === 0 ? [] : (r.getMany.all(collection, JSON.stringify(ids)) as Row[]));
  const listeners = new CommitListeners(Number(r.currentSeq.get()));
  const gate: TransactionGate = new TransactionGate({
    storeName: 'SQLite',
    openGroup: () => openGroup(writer, getMany),
    committed: (seq) => listeners.announce(seq),
  });

  // Sign-in tables: a connection of their own, or in memory the shared one, kept out of open writes.
  const authDb = inMemory ? reader : openSqliteAuthConnection(file);
  const auth = createSqliteAuthStore(authDb, inMemory ? (fn) => gate.exclusive(fn) : undefined);

  // A read on the shared in-memory connection must not see a transaction that is still open.
  const read = async <T>(fn: () => T): Promise<T> => {
    gate.assertOpen();
    return inMemory ? gate.exclusive(fn) : fn();
  };

  const readSnapshot = reader.transaction(
    (collection: CollectionName, afterSeq: number, limit: number, scope: AccessScope): PullPage => {
      const filter = accessFilterFor(collection, scope);
      const head = Number(r.currentSeq.get());
      let rows: Row[] = [];
      if (filter.kind === 'everything') rows = r.pullAll.all(collection, afterSeq, limit) as Row[];
      if (filter.kind === 'some') {
        rows = r.pullScoped.all(
          collection,
          afterSeq,
          JSON.stringify(filter.ownerIds),
          JSON.stringify(filter.teamIds),
          filter.unowned ? 1 : 0,
          limit,
        ) as Row[];
      }
      let removals: StoredRecord[] = [];
      if (filter.kind === 'some') {
        const owners = JSON.stringify(filter.ownerIds);
        const teams = JSON.stringify(filter.teamIds);
        const unowned = filter.unowned ? 1 : 0;
        removals = (
          r.pullRemovals.all(
            collection,
            afterSeq,
            owners,
            teams,
            unowned,
            owners,
            teams,
            unowned,
            limit,
          ) as RemovalRow[]
        ).map((row) =>
          removalOf({
            seq: row.seq,
            collection,
            id: row.id,
            oldHlc: row.old_hlc,
          }),
        );
      }
      // Head and rows come from one read transaction, so no commit can fall between them.
      return mergePage(rows.map(toStoredRecord), removals, limit, head);
    },
  );

  const countSnapshot = reader.transaction(
    (collection: CollectionName, afterSeq: number, scope: AccessScope): PullCount => {
      const filter = accessFilterFor(collection, scope);
      const head = Number(r.currentSeq.get());
      if (filter.kind === 'nothing') return { documents: 0, head };
      if (filter.kind === 'everything') return { documents: Number(r.countAll.get(collection, afterSeq)), head };
      const owners = JSON.stringify(filter.ownerIds);
      const teams = JSON.stringify(filter.teamIds);
      const unowned = filter.unowned ? 1 : 0;
      const visible = Number(r.countScoped.get(collection, afterSeq, owners, teams, unowned));
      const removals = Number(
        r.countRemovals.get(collection, afterSeq, owners, teams, unowned, owners, teams, unowned),
      );
      return { documents: visible + removals, head };
    },
  );

  return {
    kind: 'sqlite',
    auth,

    transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
      return gate.run(fn);
    },

    async pull(collection, afterSeq, limit, scope) {
      assertPullArguments(afterSeq, limit);
      return read(() => readSnapshot(collection, afterSeq, limit, scope));
    },

    async pullCount(collection, afterSeq, scope) {
      assertPullArguments(afterSeq, 1);
      return read(() => countSnapshot(collection, afterSeq, scope));
    },

    getRecords(collection, ids) {
      return read(() => getMany(collection, ids));
    },

    currentSeq() {
      return read(() => Number(r.currentSeq.get()));
    },

    async ping() {
      await read(() => r.ping.get());
    },

    onCommitted(listener) {
      return listeners.add(listener);
    },

    async close() {
      if (gate.isClosing) return;
      await gate.close();
      await writer.close();
      if (authDb !== reader) authDb.close();
      reader.close();
    },
  };
}

/**
 * Opens one group's write transaction (see TransactionGate, group-transaction.ts). BEGIN IMMEDIATE
 * takes the file's write lock first, so no other connection commits while the group's callbacks
 * read: `read` may serve them from the reader's committed state. The group's writes then travel to
 * the writer thread in one message with the counter update and the COMMIT.
 */
async function openGroup(
  writer: SqliteWriter,
  read: (collection: CollectionName, ids: readonly string[]) => Map<string, StoredRecord>,
): Promise<TransactionGroup> {
  const rollback = () => writer.run([{ op: 'rollbackIfOpen' }]).then(noop, noop);
  const [, head] = await writer
    .run([
      { op: 'exec', sql: 'BEGIN IMMEDIATE' },
      { op: 'value', sql: CURRENT_SEQ, params: [] },
    ])
    .catch(async (error: unknown) => {
      await rollback();
      throw error;
    });
  const toRow = (record: SerializedRecord) => [
    record.collection,
    record.id,
    record.seq,
    record.hlc,
    record.deleted ? 1 : 0,
    record.ownerId,
    record.teamId,
    record.text,
  ];
  return bufferedGroup('SQLite', Number(head), {
    read: async (collection, ids) => read(collection, ids),
    // Each member's rows go to the writer thread as soon as it has finished: the inserts run there
    // while the next members run here. Not awaited: a failure poisons the transaction (see
    // sqlite-writer.ts), so the COMMIT below fails and nothing of the group is kept.
    write(records) {
      writer
        .run([
          // Never let an upsert run outside the group's transaction (it would commit on its own).
          { op: 'expectTransaction' },
          { op: 'runEach', sql: UPSERT, rows: records.map(toRow) },
          { op: 'runEach', sql: LOG_ACCESS_CHANGE, rows: records.flatMap(toAccessChangeRow) },
        ])
        .catch(noop);
    },
    async commit(_records, seq, openNext) {
      const committed = writer.run([
        { op: 'expectTransaction' },
        { op: 'run', sql: SET_SEQ, params: [seq] },
        { op: 'exec', sql: 'COMMIT' },
      ]);
      // Queued on the writer thread right behind the COMMIT: it runs as soon as the fsync is done.
      const next = openNext ? openGroup(writer, read) : null;
      // Nobody may be left waiting on a failed opening unheard.
      next?.catch(noop);
      await committed;
      return { next };
    },
    rollback,
  });
}

/** The access-change log row of a write that changed owner or team (none otherwise). */
function toAccessChangeRow(record: SerializedRecord): unknown[][] {
  const previous = record.previousAccess;
  if (!previous) return [];
  return [
    [
      record.seq,
      record.collection,
      record.id,
      previous.ownerId,
      previous.teamId,
      record.ownerId,
      record.teamId,
      previous.hlc,
      previous.bodyText,
    ],
  ];
}

function noop(): void {}

function openConnection(file: string): Database.Database {
  const db = new Database(file);
  try {
    for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma);
    db.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * BEGIN IMMEDIATE takes the write lock up front, so a transaction that reads and then writes cannot
 * fail half-way with SQLITE_BUSY. When another connection holds the lock, wait without blocking
 * the event loop (busy_timeout would block it, and a second store on the same file in this
 * process could then never finish the transaction we wait for).
 */
async function beginImmediate(db: Database.Database): Promise<void> {
  const deadline = Date.now() + WRITE_LOCK_TIMEOUT_MS;
  for (let delayMs = 1; ; delayMs = Math.min(delayMs * 2, 50)) {
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

/** Applies the steps newer than the file's schema_version, each in its own transaction. */
async function migrate(db: Database.Database): Promise<void> {
  const latest = SQLITE_MIGRATIONS[SQLITE_MIGRATIONS.length - 1]?.version ?? 0;
  for (;;) {
    await beginImmediate(db);
    try {
      db.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
               INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', 0);`);
      const version = Number(db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get());
      if (version > latest) {
        throw new Error(`SQLite store: the database has schema version ${version}, newer than this server (${latest})`);
      }
      const next = SQLITE_MIGRATIONS.find((step) => step.version > version);
      if (!next) {
        db.exec('COMMIT');
        return;
      }
      db.exec(next.sql);
      db.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(next.version);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}

type RemovalRow = {
  seq: number;
  id: string;
  old_hlc: string;
};

/** Matches a scope: owner in the first list, team in the second, or unowned when the third is 1. */
const inScope = (owner: string, team: string) =>
  `(${owner} IN (SELECT value FROM json_each(?)) OR ${team} IN (SELECT value FROM json_each(?)) OR (? AND ${owner} = ''))`;

function readerStatements(db: Database.Database) {
  return {
    currentSeq: db.prepare(CURRENT_SEQ).pluck(),
    ping: db.prepare('SELECT 1'),
    getMany: db.prepare(GET_MANY),
    pullAll: db.prepare(`SELECT ${COLUMNS} FROM records WHERE collection = ? AND seq > ? ORDER BY seq LIMIT ?`),
    // One statement for every scope shape: the id lists travel as JSON arrays. The scan walks
    // (collection, seq) and skips rows the scope hides, so pages stay full (docs/sync-pitfalls.md, pitfall 3).
    pullScoped: db.prepare(
      `SELECT ${COLUMNS} FROM records
       WHERE collection = ? AND seq > ?
         AND (owner_id IN (SELECT value FROM json_each(?))
              OR team_id IN (SELECT value FROM json_each(?))
              OR (? AND owner_id = ''))
       ORDER BY seq LIMIT ?`,
    ),
    // Records that the scope could see before a write and cannot after it: sent as removals.
    pullRemovals: db.prepare(
      `SELECT seq, id, old_hlc FROM access_changes
       WHERE collection = ? AND seq > ?
         AND ${inScope('old_owner_id', 'old_team_id')} AND NOT ${inScope('new_owner_id', 'new_team_id')}
       ORDER BY seq LIMIT ?`,
    ),
    // The same filters as the pulls above, counted: one pass over the collection's (collection, seq) index.
    countAll: db.prepare('SELECT count(*) FROM records WHERE collection = ? AND seq > ?').pluck(),
    countScoped: db
      .prepare(
        `SELECT count(*) FROM records
         WHERE collection = ? AND seq > ? AND ${inScope('owner_id', 'team_id')}`,
      )
      .pluck(),
    countRemovals: db
      .prepare(
        `SELECT count(*) FROM access_changes
         WHERE collection = ? AND seq > ?
           AND ${inScope('old_owner_id', 'old_team_id')} AND NOT ${inScope('new_owner_id', 'new_team_id')}`,
      )
      .pluck(),
  };
}

function toStoredRecord(row: Row): StoredRecord {
  return {
    collection: row.collection as CollectionName,
    id: row.id,
    seq: row.seq,
    hlc: row.hlc,
    deleted: row.deleted === 1,
    ownerId: row.owner_id,
    teamId: row.team_id,
    body: JSON.parse(row.body) as Record<string, unknown>,
  };
}

function recordMap(rows: readonly Row[]): Map<string, StoredRecord> {
  const found = new Map<string, StoredRecord>();
  for (const row of rows) found.set(row.id, toStoredRecord(row));
  return found;
}
