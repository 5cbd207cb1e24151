import { execFile as execFileCallback, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFile = promisify(execFileCallback);

export const POSTGRES_REQUIRED =
  'PostgreSQL is required for the store contract tests: apt-get install postgresql (or set OUTPOST_TEST_POSTGRES_URL)';

/** Databases the tests create are named `${TEST_DATABASE_PREFIX}${runId}_${random}`. */
export const TEST_DATABASE_PREFIX = 'outpost_test_';

declare module 'vitest' {
  /** What the integration project's global setup hands to every test file. */
  export interface ProvidedContext {
    /** Superuser URL of the PostgreSQL server the tests may create databases on. */
    postgresAdminUrl: string;
    /** Tags this run's databases, so leftovers of a crashed file can be found. */
    postgresRunId: string;
  }
}

export interface ThrowawayPostgres {
  /** Superuser URL of the cluster's `postgres` database, trust auth on loopback. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a private PostgreSQL cluster in a temp dir on a free loopback port and returns its URL.
 * Nothing is shared with a system cluster. Durability is off (fsync, synchronous_commit): the
 * tests check ordering and visibility, not crash recovery, and it makes every commit cheap.
 */
export async function startThrowawayPostgres(options: { durable?: boolean } = {}): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  // initdb and postgres refuse to run as root; as root, run them as the `postgres` system user.
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[], cwd: string) =>
    asRoot
      ? execFile('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { cwd })
      : execFile(join(bin, program), args, { cwd });

  const dir = mkdtempSync(join(tmpdir(), 'outpost-pg-'));
  if (asRoot) chownToPostgres(dir);
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const cleanup = () => rmSync(dir, { recursive: true, force: true });

  try {
    await run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], dir);
  } catch (error) {
    cleanup();
    throw new Error(`initdb failed: ${describe(error)}`);
  }

  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-c unix_socket_directories='${dir}'`,
    `-c max_connections=200`,
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ];
  // Another process may take the free port between our probe and the server's bind: retry.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      await run(
        'pg_ctl',
        ['start', '-w', '-t', '60', '-D', data, '-l', log, '-o', `-p ${port} ${settings.join(' ')}`],
        dir,
      );
      let stopped = false;
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        async stop() {
          if (stopped) return;
          stopped = true;
          await run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w'], dir).catch(() => undefined);
          cleanup();
        },
      };
    } catch (error) {
      if (attempt < 3) continue;
      const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
      cleanup();
      throw new Error(`PostgreSQL did not start: ${describe(error)}\n${tail}`);
    }
  }
}

/** Debian keeps the server binaries off PATH, one directory per major version: take the newest. */
function findPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  // Other distributions put initdb on PATH.
  try {
    const initdb = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    if (initdb) return initdb.slice(0, initdb.lastIndexOf('/'));
  } catch {
    // fall through to the explanation
  }
  throw new Error(POSTGRES_REQUIRED);
}

function chownToPostgres(dir: string): void {
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
  } catch {
    throw new Error(`${POSTGRES_REQUIRED} — running as root needs the 'postgres' system user the package creates`);
  }
  chownSync(dir, uid, gid);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function describe(error: unknown): string {
  const e = error as { message?: string; stderr?: string };
  return [e.message, e.stderr].filter(Boolean).join('\n');
}
