import Database from 'better-sqlite3';
import type { CollectionName } from '@domain/collections';
import { accessFilterFor, assertPullArguments } from './access-filter';
import { CommitListeners } from './commit-listeners';
import { assertRecordWrites, withSeq } from './record-writes';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import type { AccessScope, PullPage, Store, StoreTransaction, StoredRecord } from './store';
import { TransactionGate } from './transaction-gate';

/** How long a write waits for another process (or another store on the same file) to commit. */
const WRITE_LOCK_TIMEOUT_MS = 5_000;
const READ_BUSY_TIMEOUT_MS = 5_000;

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

/**
 * The SQLite adapter (the default store: single server, desktop embedded mode).
 *
 * Two connections to one WAL file: the writer runs the serialized write transactions, the reader
 * serves pulls and lookups from committed data only. A single connection would let a pull see the
 * rows of a transaction that is still awaiting its callback and may yet roll back. An in-memory
 * database cannot be shared between connections, so `:memory:` uses one connection and makes its
 * reads wait for the transaction in flight.
 *
 * Seq order: SQLite has one writer at a time (BEGIN IMMEDIATE) and the counter row is updated in
 * the same transaction as the records, so commit order equals seq order, also across processes,
 * and a rolled-back transaction leaves the counter where it was.
 */
export async function openSqliteStore(file: string): Promise<Store> {
  const inMemory = file === ':memory:';
  const writer = openConnection(file);
  let reader: Database.Database;
  try {
    if (!inMemory) {
      const mode = String(writer.pragma('journal_mode = WAL', { simple: true }));
      if (mode !== 'wal') throw new Error(`SQLite store ${file}: could not switch to WAL (journal_mode is ${mode})`);
    }
    // The writer never busy-waits inside SQLite: that would block the event loop. beginImmediate()
    // retries asynchronously instead.
    writer.pragma('busy_timeout = 0');
    await migrate(writer);
    reader = inMemory ? writer : openConnection(file);
    // The reader never writes; make a mistake loud instead of a second writer.
    if (!inMemory) reader.pragma('query_only = ON');
  } catch (error) {
    writer.close();
    throw error;
  }

  const w = writerStatements(writer);
  const r = readerStatements(reader);
  const gate = new TransactionGate('SQLite');
  const listeners = new CommitListeners(Number(r.currentSeq.get()));

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
      const records = rows.map(toStoredRecord);
      const last = records[records.length - 1];
      // Head and rows come from one read transaction, so no commit can fall between them.
      return { records, checkpoint: records.length === limit && last ? last.seq : head, head };
    },
  );

  const getMany = (statement: Database.Statement, collection: CollectionName, ids: readonly string[]) => {
    const found = new Map<string, StoredRecord>();
    if (ids.length === 0) return found;
    for (const row of statement.all(collection, JSON.stringify(ids)) as Row[]) found.set(row.id, toStoredRecord(row));
    return found;
  };

  return {
    kind: 'sqlite',

    transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
      return gate.run(async () => {
        await beginImmediate(writer);
        let open = true;
        try {
          const startSeq = Number(w.currentSeq.get());
          let seq = startSeq;
          // Same rule as PostgreSQL (StoreTransaction): after a failed read or write the
          // transaction can only roll back, so a half-written batch is never committed.
          let failure: unknown;
          const guarded = <R>(work: () => R): R => {
            if (!open) throw new Error('SQLite store: this transaction has already finished');
            if (failure) throw new Error('SQLite store: this transaction failed earlier', { cause: failure });
            try {
              return work();
            } catch (error) {
              failure = error;
              throw error;
            }
          };
          const tx: StoreTransaction = {
            getRecords: async (collection, ids) => guarded(() => getMany(w.getMany, collection, ids)),
            putRecords: async (records) => {
              // Refused before anything is written: the transaction stays usable.
              assertRecordWrites(records);
              return guarded(() => {
                const stored = records.map((record, index) => withSeq(record, seq + index + 1));
                for (const record of stored) {
                  w.upsert.run(
                    record.collection,
                    record.id,
                    record.seq,
                    record.hlc,
                    record.deleted ? 1 : 0,
                    record.ownerId,
                    record.teamId,
                    JSON.stringify(record.body),
                  );
                }
                seq += stored.length;
                if (stored.length > 0) w.setSeq.run(seq);
                return stored;
              });
            },
          };
          const result = await fn(tx);
          open = false;
          if (failure) throw failure;
          writer.exec('COMMIT');
          if (seq > startSeq) listeners.announce(seq);
          return result;
        } catch (error) {
          open = false;
          if (writer.inTransaction) writer.exec('ROLLBACK');
          throw error;
        }
      });
    },

    async pull(collection, afterSeq, limit, scope) {
      assertPullArguments(afterSeq, limit);
      return read(() => readSnapshot(collection, afterSeq, limit, scope));
    },

    getRecords(collection, ids) {
      return read(() => getMany(r.getMany, collection, ids));
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
      if (reader !== writer) reader.close();
      writer.close();
    },
  };
}

function openConnection(file: string): Database.Database {
  const db = new Database(file);
  try {
    // FULL: the WAL is synced at every commit, so an acknowledged write survives power loss
    // (NORMAL in WAL mode may lose the last commits).
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
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

function writerStatements(db: Database.Database) {
  return {
    currentSeq: db.prepare("SELECT value FROM meta WHERE key = 'seq'").pluck(),
    setSeq: db.prepare("UPDATE meta SET value = ? WHERE key = 'seq'"),
    getMany: getManyStatement(db),
    upsert: db.prepare(
      `INSERT INTO records (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, hlc = excluded.hlc, deleted = excluded.deleted,
         owner_id = excluded.owner_id, team_id = excluded.team_id, body = excluded.body`,
    ),
  };
}

function readerStatements(db: Database.Database) {
  return {
    currentSeq: db.prepare("SELECT value FROM meta WHERE key = 'seq'").pluck(),
    ping: db.prepare('SELECT 1'),
    getMany: getManyStatement(db),
    pullAll: db.prepare(`SELECT ${COLUMNS} FROM records WHERE collection = ? AND seq > ? ORDER BY seq LIMIT ?`),
    // One statement for every scope shape: the id lists travel as JSON arrays. The scan walks
    // (collection, seq) and skips rows the scope hides, so pages stay full (trap 3).
    pullScoped: db.prepare(
      `SELECT ${COLUMNS} FROM records
       WHERE collection = ? AND seq > ?
         AND (owner_id IN (SELECT value FROM json_each(?))
              OR team_id IN (SELECT value FROM json_each(?))
              OR (? AND owner_id = ''))
       ORDER BY seq LIMIT ?`,
    ),
  };
}

function getManyStatement(db: Database.Database): Database.Statement {
  return db.prepare(`SELECT ${COLUMNS} FROM records WHERE collection = ? AND id IN (SELECT value FROM json_each(?))`);
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
