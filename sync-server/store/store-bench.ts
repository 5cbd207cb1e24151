import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { RecordWrite, Store } from './store';

export interface Throughput {
  docs: number;
  ms: number;
  docsPerSecond: number;
}

/**
 * The floor a store is measured against: `n` documents inserted in batches (one transaction each)
 * into a bare `(id, body)` table of the same database, with the same durability settings and the
 * same JSON serialization, so that the ratio `measureStorePutThroughput / measureRawInsertFloor`
 * is the cost of the Store itself (seq counter, extra columns and indexes, upsert). The batch size
 * defaults to the Store's push batch (100) so both sides pay the same number of commits.
 *
 * `url` is a store URL (see open-store.ts); for `sqlite::memory:` a separate in-memory database.
 */
export async function measureRawInsertFloor(url: string, n: number, batch = 100): Promise<Throughput> {
  const docs = Array.from({ length: n }, (_, i) => benchDocument(i));
  const table = `bench_raw_${randomBytes(4).toString('hex')}`;
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    const db = new Database(file === ':memory:' ? ':memory:' : file);
    try {
      if (file !== ':memory:') db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(`CREATE TABLE ${table} (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT`);
      const insert = db.prepare(`INSERT INTO ${table} (id, body) VALUES (?, ?)`);
      const insertBatch = db.transaction((rows: readonly RecordWrite[]) => {
        for (const row of rows) insert.run(row.id, JSON.stringify(row.body));
      });
      const started = performance.now();
      for (let i = 0; i < n; i += batch) insertBatch(docs.slice(i, i + batch));
      const result = throughput(n, performance.now() - started);
      db.exec(`DROP TABLE ${table}`);
      return result;
    } finally {
      db.close();
    }
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE TABLE ${table} (id text PRIMARY KEY, body text NOT NULL)`);
      const insert = `INSERT INTO ${table} (id, body) SELECT * FROM unnest($1::text[], $2::text[])`;
      const started = performance.now();
      for (let i = 0; i < n; i += batch) {
        const rows = docs.slice(i, i + batch);
        await client.query({
          name: 'bench_raw_insert',
          text: insert,
          values: [rows.map((row) => row.id), rows.map((row) => JSON.stringify(row.body))],
        });
      }
      const result = throughput(n, performance.now() - started);
      await client.query(`DROP TABLE ${table}`);
      return result;
    } finally {
      await client.end();
    }
  }
  throw new Error(`measureRawInsertFloor: unsupported store URL '${url}'`);
}

/**
 * `n` new documents through `putRecords`, one transaction per batch of `batch` (a push batch),
 * into `store`. Use a fresh store: ids are `bench-<i>` and would replace earlier runs' records.
 */
export async function measureStorePutThroughput(store: Store, n: number, batch = 100): Promise<Throughput> {
  const docs = Array.from({ length: n }, (_, i) => benchDocument(i));
  const started = performance.now();
  for (let i = 0; i < n; i += batch) {
    const rows = docs.slice(i, i + batch);
    await store.transaction((tx) => tx.putRecords(rows));
  }
  return throughput(n, performance.now() - started);
}

/** A CRM-like contact of about 390 bytes of JSON, as in ../shared/PERF-LIMITS.md. */
export function benchDocument(i: number): RecordWrite {
  const id = `bench-${String(i).padStart(8, '0')}`;
  const ownerId = `user-${i % 25}`;
  const teamId = `team-${i % 5}`;
  const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  return {
    collection: 'contacts',
    id,
    hlc: `${at}-0000-bench`,
    deleted: false,
    ownerId,
    teamId,
    body: {
      id,
      name: `Contact ${i}`,
      email: `contact${i}@example.com`,
      company: `Company ${i % 997}`,
      phone: `+34 600 ${String(i % 1_000_000).padStart(6, '0')}`,
      stage: ['NEW', 'CONTACTED', 'QUALIFIED'][i % 3],
      value: { amount: (i % 1000) * 1500, currency: 'EUR' },
      ownerId,
      teamId,
      city: ['Madrid', 'Sevilla', 'Valencia', 'Bilbao'][i % 4],
      tags: ['bench', `segment-${i % 7}`],
      notes: 'Met at the trade fair; follow up about the spring order.',
      createdAt: at,
      updatedAt: at,
    },
  };
}

function throughput(docs: number, ms: number): Throughput {
  return { docs, ms: Math.round(ms), docsPerSecond: Math.round((docs / ms) * 1000) };
}
