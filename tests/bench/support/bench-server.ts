import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_KEY_HEADER } from '../../../domain/auth-protocol';
import { bundleServer } from '../../../scripts/server-bundle.mjs';
import { createReadyLineReader } from '../../../sync-server/ready-line.mjs';

export interface BenchServer {
  url: string;
  child: ChildProcess;
  /** The address of a page the server serves, with the launch key its script signs in with (`#k=…`). */
  pageUrl(path: string): string;
  /** `Authorization: Bearer …` of the owner (single-user mode, POST /auth/local-session). */
  authorization: Record<string, string>;
  /** fetch signed in as the owner: what a desktop client sends. */
  fetch: typeof fetch;
  /** The store's seq once signed in: signing in first writes the owner and the default records. */
  seqAfterSignIn: number;
  stop(): Promise<void>;
}

/** Signs in as the owner of a single-user server, as the desktop app does at start. */
async function signIn(
  url: string,
  localKey: string,
): Promise<Pick<BenchServer, 'authorization' | 'fetch' | 'seqAfterSignIn'>> {
  const response = await fetch(`${url}/auth/local-session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [LOCAL_KEY_HEADER]: localKey },
    body: '{}',
  });
  if (!response.ok) throw new Error(`bench server: local-session answered ${response.status}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  const authorization = { Authorization: `Bearer ${accessToken}` };
  const signedIn: typeof fetch = (input, init) =>
    fetch(input, {
      ...init,
      headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), ...authorization },
    });
  const health = (await (await fetch(`${url}/healthz`)).json()) as { seq: number };
  return { authorization, fetch: signedIn, seqAfterSignIn: health.seq };
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The server bundled once per bench process, as `npm run build:server` bundles it. */
const BUNDLE_DIR = join(ROOT, 'node_modules', '.cache', 'outpost-bench', `server-${process.pid}`);
let bundled: Promise<unknown> | null = null;

/** A server process started by spawnBenchServer, not signed in to. */
export interface SpawnedBenchServer {
  url: string;
  child: ChildProcess;
  /** The single-user server's launch key (a team server ignores it). */
  localKey: string;
  stop(): Promise<void>;
}

/**
 * The real sync server in its own Node process, as `npm run server` runs it: the CLI bundled from
 * the current source (scripts/server-bundle.mjs, so production code: no tsx transform, push
 * decoding on its decoder threads), on a free loopback port. Its CPU is not shared with the event
 * loop of the clients that measure it. `OUTPOST_BENCH_SERVER_PROFILE=<dir>`: a CPU profile of it.
 */
export async function spawnBenchServer(options: {
  dbUrl: string;
  /** Serve these static files (the app or a browser bench page) from the server's origin. */
  appDir?: string;
  /** More CLI flags, e.g. `['--auth', 'team']`. */
  serverArgs?: readonly string[];
}): Promise<SpawnedBenchServer> {
  if (!bundled) {
    bundled = bundleServer(BUNDLE_DIR);
    process.once('exit', () => rmSync(BUNDLE_DIR, { recursive: true, force: true }));
  }
  await bundled;
  const profileDir = process.env.OUTPOST_BENCH_SERVER_PROFILE;
  const args = [
    ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
    join(BUNDLE_DIR, 'cli.mjs'),
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--db',
    options.dbUrl,
    ...(options.appDir ? ['--app', options.appDir] : ['--no-app']),
    ...(options.serverArgs ?? []),
  ];
  const localKey = randomBytes(24).toString('base64url');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', OUTPOST_LOCAL_KEY: localKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('close', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const reader = createReadyLineReader();
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = reader.push(chunk);
      if (ready) {
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (more: Buffer) => process.stdout.write(more));
        resolve({ url: ready.url, child, localKey, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before listening:\n${output}`)));
  });
}

/** A single-user server (spawnBenchServer), signed in as its owner. */
export async function startBenchServer(options: {
  dbUrl: string;
  /** Serve these static files (the browser bench page) from the server's origin. */
  appDir?: string;
}): Promise<BenchServer> {
  const spawned = await spawnBenchServer(options);
  const { url, child, localKey, stop } = spawned;
  try {
    const session = await signIn(url, localKey);
    return { url, child, stop, pageUrl: (path) => `${url}${path}#k=${localKey}`, ...session };
  } catch (error) {
    await stop();
    throw error;
  }
}
