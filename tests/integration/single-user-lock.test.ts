import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_KEY_HEADER, type SessionGrant } from '../../domain/auth-protocol';
import { TEST_LOCAL_KEY } from '../support/local-key';
import { killServerProcesses, startServerProcess } from '../support/server-process';
import { startTestServer, TEST_PASSWORD_COST, type TestServer } from '../support/test-server';

/**
 * The single-user server signs its owner in without a password, so it must answer nobody but the
 * app that started it (docs/security.md, "The loopback rule" and "The launch key"): not another
 * process or OS user on the machine (the launch key), not a page that rebinds its own name to
 * 127.0.0.1 (the Host check), not a page on another localhost port (no CORS for http origins).
 */

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: { error?: { code: string } } & Partial<SessionGrant>;
  text: string;
}

/** A request with exactly these headers (Host included), as a hostile page or process could send. */
function raw(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        timeout: 10_000,
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          let body: RawAnswer['body'] = {};
          try {
            body = JSON.parse(text) as RawAnswer['body'];
          } catch {
            // not JSON (an empty preflight answer)
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer on ${path}`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

const localSession = (port: number, headers: Record<string, string> = {}) =>
  raw(port, '/auth/local-session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', host: `127.0.0.1:${port}`, ...headers },
    body: '{}',
  });

describe('the single-user server answers only the app that started it', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      auth: { mode: 'single-user', passwordCost: TEST_PASSWORD_COST, localKey: TEST_LOCAL_KEY },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('hands out the owner’s session only for the key of this launch, and names what is missing', async () => {
    for (const key of [null, '', 'a guess', `${TEST_LOCAL_KEY}x`, TEST_LOCAL_KEY.slice(0, -1)]) {
      const answer = await localSession(server.port, key === null ? {} : { [LOCAL_KEY_HEADER]: key });
      expect({ key, status: answer.status, code: answer.body.error?.code }).toEqual({
        key,
        status: 403,
        code: 'auth.localKeyInvalid',
      });
      expect(answer.body.accessToken).toBeUndefined();
    }
    const granted = await localSession(server.port, { [LOCAL_KEY_HEADER]: TEST_LOCAL_KEY });
    expect(granted.status, granted.text).toBe(200);
    expect(granted.body.user).toMatchObject({ role: 'SALES_MANAGER' });
  });

  it('refuses requests addressed to any other name, so a page that rebinds its name to 127.0.0.1 gets nothing', async () => {
    const { port } = server;
    for (const host of ['attacker.example', `attacker.example:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.1`]) {
      for (const path of ['/auth/status', '/healthz', '/sync/leads/pull?checkpoint=0']) {
        const answer = await raw(port, path, { headers: { host } });
        expect({ host, path, status: answer.status, code: answer.body.error?.code }).toEqual({
          host,
          path,
          status: 421,
          code: 'request.wrongHost',
        });
      }
      const session = await localSession(port, { host, [LOCAL_KEY_HEADER]: TEST_LOCAL_KEY });
      expect({ host, status: session.status }).toEqual({ host, status: 421 });
      expect(session.body.accessToken).toBeUndefined();
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect({ host, status: (await raw(port, '/auth/status', { headers: { host } })).status }).toEqual({
        host,
        status: 200,
      });
    }
  });

  it('gives other pages on this machine no cross-origin access, and lets the desktop app in', async () => {
    const { port } = server;
    const preflight = (origin: string) =>
      raw(port, '/auth/local-session', {
        method: 'OPTIONS',
        headers: {
          host: `127.0.0.1:${port}`,
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': `content-type,${LOCAL_KEY_HEADER}`,
        },
      });
    for (const origin of ['http://localhost:5999', `http://127.0.0.1:${port + 1}`, 'http://[::1]:8080', 'null']) {
      const answer = await preflight(origin);
      expect({ origin, allowed: answer.headers['access-control-allow-origin'] ?? null }).toEqual({
        origin,
        allowed: null,
      });
      const simple = await raw(port, '/auth/status', { headers: { host: `127.0.0.1:${port}`, origin } });
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    }
    const desktop = await preflight('app://outpost');
    expect(desktop.headers['access-control-allow-origin']).toBe('app://outpost');
    expect(String(desktop.headers['access-control-allow-headers']).toLowerCase()).toContain(LOCAL_KEY_HEADER);
  });
});

describe('a team server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ auth: { mode: 'team', passwordCost: TEST_PASSWORD_COST } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps answering under its public name and to loopback pages, as before', async () => {
    const { port } = server;
    expect((await raw(port, '/auth/status', { headers: { host: 'crm.andes.example' } })).status).toBe(200);
    const preflight = await raw(port, '/auth/login', {
      method: 'OPTIONS',
      headers: {
        host: 'crm.andes.example',
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
  });
});

describe('the sync server’s command line in single-user mode', () => {
  afterEach(async () => {
    await killServerProcesses();
  });

  it('takes the launch key from its environment and never writes it to its output', async () => {
    const server = await startServerProcess({ dbUrl: 'sqlite::memory:', logLevel: 'debug' });
    const port = Number(new URL(server.url).port);
    expect((await localSession(port)).status).toBe(403);
    const granted = await localSession(port, { [LOCAL_KEY_HEADER]: TEST_LOCAL_KEY });
    expect(granted.status, granted.text).toBe(200);
    await server.waitForOutput(/local-session/);
    expect(server.output()).not.toContain(TEST_LOCAL_KEY);
  });
});
