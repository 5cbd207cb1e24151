import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { getTestPostgresUrl } from './postgres-fixture';

/**
 * The stores an HTTP-level suite runs against: each suite is a describe factory called once per
 * target, so every promise is checked on a real SQLite file and on a real PostgreSQL database.
 */
export interface ServerTarget {
  name: 'SQLite' | 'PostgreSQL';
  kind: 'sqlite' | 'postgres';
  /** A new, empty database for a server (a store URL for openStore or the CLI's --db). */
  newDbUrl(): Promise<string>;
  /**
   * Takes the store's write lock from outside the server (a second SQLite connection's
   * BEGIN IMMEDIATE; PostgreSQL's lock on the seq counter row), so that the server's writes wait.
   * Resolves with the function that releases it.
   */
  holdWriteLock(dbUrl: string): Promise<() => Promise<void>>;
}

let sqliteDir: string | null = null;
let sqliteFiles = 0;
afterAll(() => {
  if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
  sqliteDir = null;
});

export const SQLITE_TARGET: ServerTarget = {
  name: 'SQLite',
  kind: 'sqlite',
  async newDbUrl() {
    sqliteDir ??= mkdtempSync(join(tmpdir(), 'outpost-http-'));
    return `sqlite:${join(sqliteDir, `db-${++sqliteFiles}`, 'outpost.db')}`;
  },
  async holdWriteLock(dbUrl) {
    const db = new Database(dbUrl.slice('sqlite:'.length));
    db.exec('BEGIN IMMEDIATE');
    return async () => {
      db.exec('COMMIT');
      db.close();
    };
  },
};

export const POSTGRES_TARGET: ServerTarget = {
  name: 'PostgreSQL',
  kind: 'postgres',
  newDbUrl: () => getTestPostgresUrl(),
  async holdWriteLock(dbUrl) {
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    await client.query("BEGIN; SELECT value FROM meta WHERE key = 'seq' FOR UPDATE");
    return async () => {
      await client.query('ROLLBACK');
      await client.end();
    };
  },
};

export const SERVER_TARGETS: readonly ServerTarget[] = [SQLITE_TARGET, POSTGRES_TARGET];
