import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

export interface RawDocument {
  id: string;
  body: unknown;
}

export interface Timed {
  docs: number;
  ms: number;
  docsPerSecond: number;
}

/**
 * The floor for the push path: the same documents inserted into a bare `(id, body)` table of the
 * same database, one transaction per batch, with the store's durability settings and JSON
 * serialization.
 */
export async function rawInsertFloor(url: string, docs: readonly RawDocument[], batch = 100): Promise<Timed> {
  const table = `bench_raw_${randomBytes(4).toString('hex')}`;
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length));
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(`CREATE TABLE ${table} (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT`);
      const insert = db.prepare(`INSERT INTO ${table} (id, body) VALUES (?, ?)`);
      const insertBatch = db.transaction((rows: readonly RawDocument[]) => {
        for (const row of rows) insert.run(row.id, JSON.stringify(row.body));
      });
      const started = performance.now();
      for (let i = 0; i < docs.length; i += batch) insertBatch(docs.slice(i, i + batch));
      return timed(docs.length, performance.now() - started);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE ${table} (id text PRIMARY KEY, body text NOT NULL)`);
    const text = `INSERT INTO ${table} (id, body) SELECT * FROM unnest($1::text[], $2::text[])`;
    const started = performance.now();
    for (let i = 0; i < docs.length; i += batch) {
      const rows = docs.slice(i, i + batch);
      await client.query({
        name: 'bench_raw_insert',
        text,
        values: [rows.map((row) => row.id), rows.map((row) => JSON.stringify(row.body))],
      });
    }
    return timed(docs.length, performance.now() - started);
  } finally {
    await client.end();
  }
}

export function timed(docs: number, ms: number): Timed {
  return { docs, ms: Math.round(ms), docsPerSecond: Math.round((docs / ms) * 1000) };
}
