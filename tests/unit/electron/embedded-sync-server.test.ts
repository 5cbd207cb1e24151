import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createForkedSyncServer, type ForkedProcess } from '../../../electron/main/embedded-sync-server';
import { formatReadyLine } from '../../../sync-server/ready-line.mjs';

const ready = (url: string) => `${formatReadyLine({ url, store: 'sqlite', auth: 'single-user', app: false })}\n`;

class FakeProcess extends EventEmitter implements ForkedProcess {
  readonly stdout = new EventEmitter();
  killed = false;
  kill() {
    this.killed = true;
    setTimeout(() => this.emit('exit', 0), 1);
    return true;
  }
}

const LAUNCH_KEY = 'this-launch-key-0123456789abcdef';

function setup(startTimeoutMs = 1000) {
  const calls: { modulePath: string; args: string[] }[] = [];
  const envs: Record<string, string | undefined>[] = [];
  const proc = new FakeProcess();
  const server = createForkedSyncServer({
    fork: (modulePath, args, options) => {
      calls.push({ modulePath, args });
      envs.push(options.env);
      return proc;
    },
    serverModule: '/app/out/server/cli.mjs',
    databaseFile: '/home/ana/.config/Outpost/outpost.db',
    localKey: LAUNCH_KEY,
    env: { PATH: '/usr/bin', OUTPOST_LOCAL_KEY: 'an older one' },
    startTimeoutMs,
  });
  return { calls, envs, proc, server };
}

describe('the embedded sync server of the installed app', () => {
  it('runs the bundled server on a free loopback port and the user’s SQLite file, and reports its URL', async () => {
    const { calls, proc, server } = setup();
    const started = server.start();
    proc.stdout.emit('data', '{"level":30,"msg":"Server listening at http://127.0.0.1:43817"}\n');
    proc.stdout.emit('data', ready('http://127.0.0.1:43817'));
    await started;
    expect(calls).toEqual([
      {
        modulePath: '/app/out/server/cli.mjs',
        args: [
          '--port',
          '0',
          '--host',
          '127.0.0.1',
          '--db',
          'sqlite:/home/ana/.config/Outpost/outpost.db',
          '--no-app',
          '--decoder-threads',
          '0',
        ],
      },
    ]);
    expect(server.url()).toBe('http://127.0.0.1:43817');
  });

  it('hands the server the launch key in its environment, where other users cannot read it, never in its arguments', async () => {
    const { calls, envs, proc, server } = setup();
    const started = server.start();
    proc.stdout.emit('data', ready('http://127.0.0.1:43817'));
    await started;
    expect(envs).toEqual([{ PATH: '/usr/bin', OUTPOST_LOCAL_KEY: LAUNCH_KEY }]);
    expect(calls[0]?.args.join(' ')).not.toContain(LAUNCH_KEY);
    expect(server.localKey()).toBe(LAUNCH_KEY);
  });

  it('fails clearly when the server exits before listening', async () => {
    const { proc, server } = setup();
    const started = server.start();
    proc.emit('exit', 1);
    await expect(started).rejects.toThrow('exited with code 1 before listening');
    expect(server.url()).toBeNull();
  });

  it('refuses a server that announces an address other than loopback, and stops it', async () => {
    const { proc, server } = setup();
    const started = server.start();
    proc.stdout.emit('data', ready('http://192.168.1.20:43817'));
    await expect(started).rejects.toThrow('not a loopback address');
    expect(proc.killed).toBe(true);
    expect(server.url()).toBeNull();
  });

  it('gives up and stops the process when the server does not start in time', async () => {
    const { proc, server } = setup(20);
    await expect(server.start()).rejects.toThrow('did not start within 20 ms');
    expect(proc.killed).toBe(true);
  });

  it('stops the server on quit and forgets its URL', async () => {
    const { proc, server } = setup();
    const started = server.start();
    proc.stdout.emit('data', ready('http://127.0.0.1:5000'));
    await started;
    await server.stop();
    expect(proc.killed).toBe(true);
    expect(server.url()).toBeNull();
  });
});
