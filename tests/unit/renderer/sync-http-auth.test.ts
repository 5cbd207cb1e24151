import { describe, expect, it, vi } from 'vitest';
import {
  createAuthorizedStreamFetch,
  createSyncHttp,
  SessionEndedError,
  type SyncAuth,
} from '../../../renderer/db/sync/sync-http';

const page = { documents: [], checkpoint: { seq: 0 }, serverSeq: 0 };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const error = (status: number, code: string) => json(status, { error: { code, message: code } });

function fakeAuth(tokens: string[]): SyncAuth & { ended: string[] } {
  let current = tokens.shift() ?? null;
  const ended: string[] = [];
  return {
    ended,
    accessToken: async () => current,
    refresh: vi.fn(async () => (current = tokens.shift() ?? null)),
    end: (reason) => void ended.push(reason),
  };
}

describe('sync HTTP with a session', () => {
  it('sends the Bearer token on every request', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => json(200, page));
    const http = createSyncHttp({ baseUrl: 'http://s', auth: fakeAuth(['t1']), fetch: fetch as never });
    await http.pull('leads', 0, 10);
    expect(new Headers(fetch.mock.calls[0]![1]!.headers).get('Authorization')).toBe('Bearer t1');
  });

  it('refreshes once on auth.invalidToken and retries with the new token', async () => {
    const fetch = vi
      .fn(async (_url: string, _init?: RequestInit) => json(200, page))
      .mockResolvedValueOnce(error(401, 'auth.invalidToken'));
    const auth = fakeAuth(['old', 'new']);
    const http = createSyncHttp({ baseUrl: 'http://s', auth, fetch: fetch as never });
    await http.pull('leads', 0, 10);
    expect(auth.refresh).toHaveBeenCalledOnce();
    expect(new Headers(fetch.mock.calls[1]![1]!.headers).get('Authorization')).toBe('Bearer new');
  });

  it('ends the session on auth.deactivated and throws SessionEndedError', async () => {
    const auth = fakeAuth(['t1']);
    const fetch = vi.fn(async () => error(403, 'auth.deactivated'));
    const http = createSyncHttp({ baseUrl: 'http://s', auth, fetch: fetch as never });
    await expect(http.pull('leads', 0, 10)).rejects.toBeInstanceOf(SessionEndedError);
    expect(auth.ended).toEqual(['auth.deactivated']);
  });

  it('sends nothing once the session has ended', async () => {
    const fetch = vi.fn(async () => json(200, page));
    const http = createSyncHttp({ baseUrl: 'http://s', auth: fakeAuth([]), fetch: fetch as never });
    await expect(http.pull('leads', 0, 10)).rejects.toBeInstanceOf(SessionEndedError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('works without a session for servers that have no sign-in', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => json(200, page));
    await createSyncHttp({ baseUrl: 'http://s', fetch: fetch as never }).pull('leads', 0, 10);
    expect(new Headers(fetch.mock.calls[0]![1]!.headers).has('Authorization')).toBe(false);
  });

  it('sends the change stream’s token in the Authorization header, never in the URL, and refreshes it when refused', async () => {
    const fetch = vi
      .fn(async (_url: string, _init?: RequestInit) => new Response('', { status: 200 }))
      .mockResolvedValueOnce(error(401, 'auth.invalidToken'));
    const stream = createAuthorizedStreamFetch(fakeAuth(['t1', 'fresh']), fetch as never);
    const controller = new AbortController();
    await stream('http://s/sync/stream', { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['http://s/sync/stream', 'http://s/sync/stream']);
    const sent = fetch.mock.calls.map(([, init]) => new Headers(init!.headers));
    expect(sent.map((h) => h.get('Authorization'))).toEqual(['Bearer t1', 'Bearer fresh']);
    // What the change stream asked for is kept: its Accept header and its abort signal.
    expect(sent.map((h) => h.get('Accept'))).toEqual(['text/event-stream', 'text/event-stream']);
    expect(fetch.mock.calls.map(([, init]) => init!.signal)).toEqual([controller.signal, controller.signal]);
  });
});
