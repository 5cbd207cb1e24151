// Start the built sync server (out/server/cli.mjs) as a child process and wait for its ready line
// (sync-server/ready-line.mjs). Used by `npm start`, `npm run dev` and the end-to-end tests.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createReadyLineReader } from '../sync-server/ready-line.mjs';

/**
 * The server gets a launch key made here (docs/security.md, "The launch key"), in its environment
 * (other users of the machine can read a process's arguments, not its environment); the caller hands
 * `localKey` to the app it opens and to nobody else. A team server ignores it.
 *
 * @param {{ projectDir: string, port?: number, host?: string, dbUrl: string, appDir?: string | null,
 *           logLevel?: string, env?: NodeJS.ProcessEnv, inheritOutput?: boolean, extraArgs?: string[],
 *           localKey?: string }} options
 * @returns {Promise<{ url: string, localKey: string, child: import('node:child_process').ChildProcess, stop: () => Promise<void> }>}
 */
export function startSyncServer(options) {
  const localKey = options.localKey ?? randomBytes(32).toString('base64url');
  const cli = join(options.projectDir, 'out', 'server', 'cli.mjs');
  if (!existsSync(cli)) throw new Error(`the sync server is not built (${cli}): run \`npm run build\` first`);
  const args = [cli, '--port', String(options.port ?? 0), '--host', options.host ?? '127.0.0.1', '--db', options.dbUrl];
  if (options.appDir) args.push('--app', options.appDir);
  else args.push('--no-app');
  // More CLI flags, e.g. ['--auth', 'team'] for a team server (the end-to-end sign-in tests).
  args.push(...(options.extraArgs ?? []));
  const child = spawn(process.execPath, args, {
    cwd: options.projectDir,
    env: { ...process.env, LOG_LEVEL: options.logLevel ?? 'warn', ...options.env, OUTPOST_LOCAL_KEY: localKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('close', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const reader = createReadyLineReader();
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      if (options.inheritOutput) process.stdout.write(text);
      const ready = reader.push(text);
      if (ready) {
        child.stdout.off('data', onData);
        if (options.inheritOutput) child.stdout.pipe(process.stdout);
        resolve({ url: ready.url, localKey, child, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.once('exit', (code) =>
      reject(new Error(`the sync server exited (${code}) before listening:\n${output.slice(-2000)}`)),
    );
  });
}
