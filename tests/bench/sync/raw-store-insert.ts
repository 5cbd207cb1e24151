import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../../sync-server/store/open-store';
import type { RecordWrite } from '../../../sync-server/store/store';
import { timed, type Timed } from './raw-insert';

const COLUMNS = 'collection, id, seq, hlc, deleted, owner_id, team_id, body';

/**
 * The baseline of the push target: the same records inserted with plain batched SQL into the
 * store's own database and `records` table — its columns, primary key and both seq indexes, its
 * durability settings, one transaction per batch — i.e. the best a store adapter could do on that
 * schema. The schema comes from the store's own migrations (the store is opened once and closed
 * before the clock starts). Nothing a store must do on top is paid here: no counter row, no
 * upsert, no lookup of the current version, no thread hop; seqs are simply 1, 2, 3…
 *
 * `url` must name a fresh, empty store database.
 */
export async function rawStoreInsert(url: string, writes: readonly RecordWrite[], batch = 100): Promise<Timed> {
  await (await openStore(url)).close();
  return url.startsWith('sqlite:')
    ? sqliteInsert(url.slice('sqlite:'.length), writes, batch)
    : postgresInsert(url, writes, batch);
}

function sqliteInsert(file: string, writes: readonly RecordWrite[], batch: number): Timed {
  const db = new Database(file);
  try {
    // The store's connection settings (sqlite-store.ts): WAL, synchronous=FULL.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const insert = db.prepare(`INSERT INTO records (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertBatch = db.transaction((rows: readonly RecordWrite[], firstSeq: number) => {
      rows.forEach((w, i) => {
        insert.run(
          w.collection,
          w.id,
          firstSeq + i,
          w.hlc,
          w.deleted ? 1 : 0,
          w.ownerId,
          w.teamId,
          JSON.stringify(w.body),
        );
      });
    });
    const started = performance.now();
    for (let i = 0; i < writes.length; i += batch) insertBatch(writes.slice(i, i + batch), i + 1);
    return timed(writes.length, performance.now() - started);
  } finally {
    db.close();
  }
}

/**
 * One multi-row INSERT per batch (autocommit: one transaction each), prepared once per row count:
 * the cheapest plain form measured for this table (postgres-store.ts, `upsertText`).
 */
async function postgresInsert(url: string, writes: readonly RecordWrite[], batch: number): Promise<Timed> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const texts = new Map<number, string>();
    const started = performance.now();
    for (let i = 0; i < writes.length; i += batch) {
      const rows = writes.slice(i, i + batch);
      const values: unknown[] = [];
      rows.forEach((w, r) => {
        values.push(w.collection, w.id, i + r + 1, w.hlc, w.deleted, w.ownerId, w.teamId, JSON.stringify(w.body));
      });
      let text = texts.get(rows.length);
      if (text === undefined) texts.set(rows.length, (text = insertText(rows.length)));
      await client.query({ name: `bench_raw_store_insert_${rows.length}`, text, values });
    }
    return timed(writes.length, performance.now() - started);
  } finally {
    await client.end();
  }
}

function insertText(rows: number): string {
  const tuples = Array.from({ length: rows }, (_, r) => {
    const p = r * 8;
    return `($${p + 1}, $${p + 2}, $${p + 3}::int8, $${p + 4}, $${p + 5}::bool, $${p + 6}, $${p + 7}, $${p + 8})`;
  });
  return `INSERT INTO records (${COLUMNS}) VALUES ${tuples.join(', ')}`;
}
