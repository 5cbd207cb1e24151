import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../../../electron/main/app-origin';
import { createIpcHandle, IpcRejectedError } from '../../../electron/main/ipc-handle';
import { noArgs, stringArgs } from '../../../electron/main/ipc-validators';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function setUp() {
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: vi.fn((channel: string, listener: Listener) => void listeners.set(channel, listener)) };
  const onRejected = vi.fn();
  const handle = createIpcHandle({
    ipcMain: ipcMain as unknown as Pick<IpcMain, 'handle'>,
    trustedOrigin: APP_ORIGIN,
    onRejected,
  });
  const call = (channel: string, event: unknown, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`nothing registered on ${channel}`);
    return listener(event, ...args);
  };
  return { handle, call, onRejected, listeners };
}

const frame = (origin: string, url = `${origin}/`, parent: unknown = null) => ({ origin, url, parent });
const fromApp = { senderFrame: frame(APP_ORIGIN) };

describe('createIpcHandle', () => {
  it('refuses to register a channel without the outpost: prefix', () => {
    const { handle, listeners } = setUp();
    for (const channel of ['app-info', 'outpostapp-info', 'OUTPOST:app-info', 'outpost:', ' outpost:x']) {
      expect(() => handle(channel, noArgs, () => 1)).toThrow(/must start with "outpost:"/);
    }
    expect(listeners.size).toBe(0);
  });

  it('runs the handler for the app origin with the validated arguments only', async () => {
    const { handle, call } = setUp();
    const fn = vi.fn((title: string, body: string) => `${title}/${body}`);
    handle('outpost:notify', stringArgs(10, 10), fn);
    await expect(call('outpost:notify', fromApp, 'Hi', 'there')).resolves.toBe('Hi/there');
    expect(fn).toHaveBeenCalledWith('Hi', 'there');
  });

  it.each([
    ['a missing sender frame', { senderFrame: null }, /sender frame is gone/],
    ['an undefined sender frame', {}, /sender frame is gone/],
    ['a foreign origin', { senderFrame: frame('https://evil.example') }, /not trusted/],
    ['a look-alike origin', { senderFrame: frame('app://outpost.evil') }, /not trusted/],
    ['an opaque origin', { senderFrame: frame('null', 'data:text/html,x') }, /not trusted/],
    ['a frame whose URL left the app', { senderFrame: frame(APP_ORIGIN, 'https://evil.example/') }, /not trusted/],
    ['a sub-frame of the app', { senderFrame: frame(APP_ORIGIN, `${APP_ORIGIN}/`, frame(APP_ORIGIN)) }, /top-level/],
  ])('rejects %s', async (_name, event, message) => {
    const { handle, call, onRejected } = setUp();
    const fn = vi.fn();
    handle('outpost:app-info', noArgs, fn);
    await expect(call('outpost:app-info', event)).rejects.toThrow(message);
    expect(fn).not.toHaveBeenCalled();
    expect(onRejected).toHaveBeenCalledWith(expect.any(IpcRejectedError));
  });

  it.each<[string, unknown[]]>([
    ['a missing argument', ['only title']],
    ['an extra argument', ['title', 'body', 'extra']],
    ['a number', ['title', 42]],
    ['an object', [{ toString: () => 'title' }, 'body']],
    ['an overlong string', ['x'.repeat(11), 'body']],
  ])('rejects a payload with %s', async (_name, args) => {
    const { handle, call } = setUp();
    const fn = vi.fn();
    handle('outpost:notify', stringArgs(10, 10), fn);
    await expect(call('outpost:notify', fromApp, ...args)).rejects.toThrow(IpcRejectedError);
    expect(fn).not.toHaveBeenCalled();
  });

  it('rejects arguments sent to a handler that takes none', async () => {
    const { handle, call } = setUp();
    handle('outpost:app-info', noArgs, () => 'info');
    await expect(call('outpost:app-info', fromApp, 'surprise')).rejects.toThrow(/expected no arguments/);
    await expect(call('outpost:app-info', fromApp)).resolves.toBe('info');
  });

  it('never gives the handler the event', async () => {
    const { handle, call } = setUp();
    const fn = vi.fn((..._args: unknown[]) => null);
    handle('outpost:sync-server-url', noArgs, fn);
    await call('outpost:sync-server-url', fromApp);
    expect(fn.mock.calls[0]).toEqual([]);
  });
});
