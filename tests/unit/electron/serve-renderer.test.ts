import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../../../electron/main/content-security-policy';
// @ts-expect-error -- a plain .mjs script without type declarations
import * as serveRendererModule from '../../../scripts/serve-renderer.mjs';

type Served = { url: string; port: number; close: () => Promise<void> };
const script = serveRendererModule as {
  serveRenderer: (options: { rootDir: string; port?: number }) => Promise<Served>;
  buildContentSecurityPolicy: (extra?: string[]) => string;
};

const SECRET = 'do-not-serve';
let server: Served;

beforeAll(async () => {
  const sandbox = mkdtempSync(join(tmpdir(), 'outpost-serve-'));
  writeFileSync(join(sandbox, 'secret.txt'), SECRET);
  const rootDir = join(sandbox, 'renderer');
  mkdirSync(join(rootDir, 'assets'), { recursive: true });
  writeFileSync(join(rootDir, 'index.html'), '<!doctype html><title>Outpost</title>');
  writeFileSync(join(rootDir, 'assets', 'app.js'), 'console.log(1)');
  server = await script.serveRenderer({ rootDir, port: 0 });
});

afterAll(async () => {
  await server.close();
});

/** Raw request path, sent as is (fetch would normalise `..` away before it left the client). */
async function request(path: string, method = 'GET'): Promise<{ status: number; headers: Headers; body: string }> {
  const { request: httpRequest } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [key, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(key, value);
        resolve({ status: res.statusCode ?? 0, headers, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve-renderer (browser mode)', () => {
  it('sends exactly the CSP that the app:// protocol sends', () => {
    expect(script.buildContentSecurityPolicy()).toBe(buildContentSecurityPolicy());
    const extra = ['https://sync.example.com', 'http://[::1]:8080', "evil.example; script-src 'unsafe-eval'"];
    expect(script.buildContentSecurityPolicy(extra)).toBe(buildContentSecurityPolicy(extra));
    expect(buildContentSecurityPolicy(extra)).not.toContain('unsafe-eval');
  });

  it('serves index.html and assets on loopback with the CSP header', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Outpost</title>');
    expect(index.headers.get('content-security-policy')).toBe(buildContentSecurityPolicy());
    const asset = await request('/assets/app.js');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('falls back to index.html for client-side routes, not for missing files', async () => {
    expect((await request('/deals/42')).body).toContain('<title>Outpost</title>');
    expect((await request('/assets/missing.js')).status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/%00'])(
    'refuses the traversal %s',
    async (path) => {
      const response = await request(path);
      expect(response.body).not.toContain(SECRET);
    },
  );

  it('answers 405 to writes', async () => {
    expect((await request('/', 'POST')).status).toBe(405);
  });

  it('moves to a free port when the requested one is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const other = await script.serveRenderer({ rootDir: tmpdir(), port: taken });
    try {
      expect(other.port).not.toBe(taken);
    } finally {
      await other.close();
      blocker.close();
    }
  });
});
