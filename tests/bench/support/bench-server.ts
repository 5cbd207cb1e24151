import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface BenchServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./bench-server-main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The real sync server (buildServer over openStore, production defaults) in its own Node process,
 * as in production: its CPU is not shared with the event loop of the clients that measure it.
 */
export function startBenchServer(options: {
  dbUrl: string;
  /** Serve these static files (the browser bench page) from the server's origin. */
  appDir?: string;
}): Promise<BenchServer> {
  const args = ['--import', 'tsx', MAIN, '--db', options.dbUrl];
  if (options.appDir) args.push('--app', options.appDir);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('close', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /BENCH_SERVER_READY (\S+)/.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (more: Buffer) => process.stdout.write(more));
        resolve({ url: match[1]!, child, stop });
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
