import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * One statement for the SQLite store's write connection. Statements are prepared once per SQL
 * text and kept; `params` bind to `?` in order (numbers, strings, bigints, Buffers or null).
 */
export type WriterStep =
  /** One or more statements without parameters (BEGIN, SAVEPOINT, COMMIT…). */
  | { op: 'exec'; sql: string }
  | { op: 'run'; sql: string; params: readonly unknown[] }
  /** The same statement once per row, e.g. a batch of upserts. */
  | { op: 'runEach'; sql: string; rows: readonly (readonly unknown[])[] }
  | { op: 'all'; sql: string; params: readonly unknown[] }
  /** The first column of the first row (undefined when there is none). */
  | { op: 'value'; sql: string; params: readonly unknown[] }
  /** Fails unless a transaction is open: a write must never start one by accident. */
  | { op: 'expectTransaction' }
  | { op: 'rollbackIfOpen' };

/** A step failed: the steps before it are done, the ones after it were not run. */
export class WriterError extends Error {
  constructor(
    message: string,
    /** SQLite's error code (SQLITE_BUSY…), when SQLite raised it. */
    readonly code: string | undefined,
    /** Whether the connection is still inside a transaction after the failure. */
    readonly inTransaction: boolean,
  ) {
    super(message);
    this.name = 'SqliteWriterError';
  }
}

/**
 * The SQLite store's write connection. `run` executes steps in order, all at once, and resolves
 * with each step's result; it rejects with a WriterError at the first failing step. Calls are
 * executed in the order they were made.
 */
export interface SqliteWriter {
  run(steps: readonly WriterStep[]): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * Executes steps on a connection. It is JavaScript in a string because the same code runs in two
 * places: in the writer thread (a worker evaluated from source, so that it needs no separate file
 * in the bundles that ship the server — esbuild's CLI bundle, the tests' bundle, the desktop app),
 * and in the calling thread for `:memory:` stores (see inlineWriter). It is deliberately small:
 * the store's logic stays in sqlite-store.ts, typed.
 */
const EXECUTOR_BODY = String.raw`
  const statements = new Map();
  const statement = (sql, pluck) => {
    const key = (pluck ? 'v:' : 'r:') + sql;
    let prepared = statements.get(key);
    if (prepared === undefined) {
      prepared = db.prepare(sql);
      if (pluck) prepared.pluck();
      statements.set(key, prepared);
    }
    return prepared;
  };
  // Like PostgreSQL: after a failed step inside a transaction, every later step fails until the
  // transaction is rolled back, so a COMMIT can never keep half of what was sent.
  let poisoned = null;
  return (steps) => {
    const results = [];
    try {
      for (const step of steps) {
        if (!db.inTransaction) poisoned = null;
        if (poisoned !== null && step.op !== 'rollbackIfOpen') {
          throw Object.assign(new Error('an earlier step of this transaction failed: ' + poisoned), { code: 'OUTPOST_TRANSACTION_FAILED' });
        }
        switch (step.op) {
          case 'exec':
            db.exec(step.sql);
            results.push(null);
            break;
          case 'run':
            results.push(statement(step.sql, false).run(...step.params).changes);
            break;
          case 'runEach': {
            const prepared = statement(step.sql, false);
            for (const row of step.rows) prepared.run(...row);
            results.push(step.rows.length);
            break;
          }
          case 'all':
            results.push(statement(step.sql, false).all(...step.params));
            break;
          case 'value':
            results.push(statement(step.sql, true).get(...step.params));
            break;
          case 'expectTransaction':
            if (!db.inTransaction) throw Object.assign(new Error('no transaction is open on the write connection'), { code: 'OUTPOST_NO_TRANSACTION' });
            results.push(null);
            break;
          case 'rollbackIfOpen':
            if (db.inTransaction) db.exec('ROLLBACK');
            poisoned = null;
            results.push(null);
            break;
          default:
            throw new Error('unknown writer step ' + String(step.op));
        }
      }
      return { results };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (db.inTransaction && poisoned === null) poisoned = message;
      return {
        error: {
          message,
          code: typeof error?.code === 'string' ? error.code : undefined,
          inTransaction: db.inTransaction,
        },
      };
    }
  };
`;

type Outcome = { results: unknown[] } | { error: { message: string; code?: string; inTransaction: boolean } };
type Executor = (steps: readonly WriterStep[]) => Outcome;

// The code is a constant of this module, never data from outside.
const createExecutor = new Function('db', EXECUTOR_BODY) as (db: Database.Database) => Executor;

/** The writer thread: opens its own connection with the store's pragmas, then runs step lists. */
const WORKER_SOURCE = String.raw`
  const { parentPort, workerData } = require('node:worker_threads');
  const Database = require(workerData.driver);
  const createExecutor = function (db) {${EXECUTOR_BODY}};
  let db;
  try {
    db = new Database(workerData.file);
    for (const pragma of workerData.pragmas) db.pragma(pragma);
  } catch (error) {
    if (db) db.close();
    db = undefined;
    parentPort.postMessage({ ready: false, message: error instanceof Error ? error.message : String(error) });
  }
  if (db) {
    const execute = createExecutor(db);
    parentPort.on('message', (message) => {
      if (message.close) {
        if (db.inTransaction) db.exec('ROLLBACK');
        db.close();
        parentPort.close();
        return;
      }
      parentPort.postMessage({ id: message.id, ...execute(message.steps) });
    });
    parentPort.postMessage({ ready: true });
  }
`;

function settle(outcome: Outcome): unknown[] {
  if ('error' in outcome) {
    throw new WriterError(outcome.error.message, outcome.error.code, outcome.error.inTransaction);
  }
  return outcome.results;
}

/** A writer on the calling thread's own connection (the `:memory:` store, which cannot be shared). */
export function inlineWriter(db: Database.Database): SqliteWriter {
  const execute = createExecutor(db);
  return {
    run: async (steps) => settle(execute(steps)),
    close: async () => undefined,
  };
}

/**
 * A writer on its own thread with its own connection to `file`. SQLite's work there — inserts,
 * index updates and, above all, the fsync of each synchronous=FULL commit — no longer blocks the
 * event loop: HTTP parsing and validation of the next pushes run meanwhile. The thread does not
 * keep the process alive while nothing is pending.
 */
export async function threadWriter(file: string, pragmas: readonly string[]): Promise<SqliteWriter> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, pragmas } });
  const pending = new Map<number, { resolve(outcome: Outcome): void; reject(error: unknown): void }>();
  let nextId = 0;
  let dead: Error | null = null;
  let closed: Promise<void> | null = null;

  const fail = (error: Error) => {
    dead ??= error;
    for (const { reject } of pending.values()) reject(dead);
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    const onExit = (code: number) => reject(new Error(`SQLite writer thread exited (${code}) while opening ${file}`));
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.once('message', (message: { ready: boolean; message?: string }) => {
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (message.ready) resolve();
      else reject(new Error(`SQLite store ${file}: ${message.message}`));
    });
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });

  worker.on('message', (message: Outcome & { id?: number }) => {
    if (message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    waiter?.resolve(message);
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`SQLite writer thread exited (${code})`)));
  worker.unref();

  return {
    async run(steps) {
      if (dead) throw dead;
      const id = nextId++;
      const outcome = await new Promise<Outcome>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, steps });
      });
      return settle(outcome);
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        if (dead) return resolve();
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage({ close: true });
      });
      return closed;
    },
  };
}
