import { bundleServer } from '../../scripts/server-bundle.mjs';
import { TEST_LOCAL_KEY } from './local-key';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReadyLineReader } from '../../sync-server/ready-line.mjs';

const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The server bundled from the current source for this test process (scripts/server-bundle.mjs, as
 * `npm run build:server` does, but not into out/, which other tools run): always the code under
 * test, and it starts faster than compiling TypeScript at every start. Under node_modules so its
 * packages resolve.
 */
const BUNDLE_DIR = join(PROJECT_DIR, 'node_modules', '.cache', 'outpost-tests', `server-${process.pid}`);
const BUNDLE = join(BUNDLE_DIR, 'cli.mjs');
let bundled: Promise<unknown> | null = null;

function bundleCli(): Promise<unknown> {
  bundled ??= removeStaleBundles().then(() => bundleServer(BUNDLE_DIR));
  return bundled;
}

/** Bundles of test processes that are gone (a worker that was killed never ran its exit handler). */
async function removeStaleBundles(): Promise<void> {
  const dir = dirname(BUNDLE_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    // server-<pid>/ folders, and the cli-<pid>.mjs files of earlier versions.
    const pid = Number(/^(?:server-(\d+)|cli-(\d+)\.mjs)$/.exec(name)?.slice(1).find(Boolean));
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    await rm(join(dir, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves once the output matches `pattern` `count` times (e.g. a log line per request). */
  waitForOutput(pattern: RegExp, count?: number, timeoutMs?: number): Promise<void>;
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL and wait for the exit. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A test run that dies must not leave servers behind holding ports and databases.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  if (bundled) rmSync(BUNDLE_DIR, { recursive: true, force: true });
});

/**
 * The sync server's CLI (sync-server/cli.ts, freshly bundled) as a child process on `dbUrl`.
 * `port` 0 picks a free one; pass the previous port to restart where devices expect it.
 */
export async function startServerProcess(options: {
  dbUrl: string;
  port?: number;
  timeoutMs?: number;
  /** The CLI's LOG_LEVEL; 'info' logs every request, which a test can wait for. */
  logLevel?: string;
}): Promise<ServerProcess> {
  await bundleCli();
  const args = [BUNDLE, '--port', String(options.port ?? 0), '--host', '127.0.0.1', '--db', options.dbUrl, '--no-app'];
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_DIR,
    // Single-user mode (the CLI's default) with this test process's launch key.
    env: { ...process.env, LOG_LEVEL: options.logLevel ?? 'warn', OUTPOST_LOCAL_KEY: TEST_LOCAL_KEY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const reader = createReadyLineReader();
  let ready: string | null = null;
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    ready ??= reader.push(text)?.url ?? null;
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );

  return new Promise<ServerProcess>((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 20_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the sync server did not listen within ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = () => {
      if (!ready) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      const url = ready;
      resolve({
        url,
        port: Number(new URL(url).port),
        pid: child.pid!,
        exited,
        output: () => output,
        async waitForOutput(pattern, count = 1, waitMs = 10_000) {
          const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
          const deadline = Date.now() + waitMs;
          while ((output.match(global)?.length ?? 0) < count) {
            if (Date.now() > deadline)
              throw new Error(`no ${count}× ${pattern} in the server output:\n${output.slice(-2000)}`);
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        },
        signal: (signal) => void child.kill(signal),
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the sync server exited (${code ?? signal}) before listening:\n${output.slice(-2000)}`));
    });
  });
}

/** SIGKILL every server process still running (afterEach/afterAll, also after a failed test). */
export async function killServerProcesses(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/**
 * The CLI run once with `args` (a command such as --rotate-signing-key that does its work and
 * exits): its exit code and everything it wrote.
 */
export async function runServerCommand(
  args: readonly string[],
  timeoutMs = 20_000,
): Promise<{ code: number | null; output: string }> {
  await bundleCli();
  const child = spawn(process.execPath, [BUNDLE, ...args], {
    cwd: PROJECT_DIR,
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) =>
    child.once('exit', (exitCode) => {
      running.delete(child);
      clearTimeout(timer);
      resolve(exitCode);
    }),
  );
  return { code, output };
}
