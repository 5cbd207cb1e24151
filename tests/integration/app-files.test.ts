import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../../domain/content-security-policy';
import { buildServer } from '../../sync-server/server';
import { openStore } from '../../sync-server/store/open-store';
import type { Store } from '../../sync-server/store/store';

const SECRET = 'do-not-serve';
let app: FastifyInstance;
let store: Store;
let port: number;

beforeAll(async () => {
  const sandbox = mkdtempSync(join(tmpdir(), 'outpost-app-files-'));
  writeFileSync(join(sandbox, 'secret.txt'), SECRET);
  const rendererDir = join(sandbox, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Outpost</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  store = await openStore('sqlite::memory:');
  app = await buildServer({ store, rendererDir, auth: { mode: 'single-user' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});

afterAll(async () => {
  await app.close();
  await store.close();
});

/** Raw request path, sent as is (fetch would normalise `..` before it left the client). */
function request(
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the sync server serving the app (browser mode)', () => {
  it('serves index.html with exactly the CSP of the desktop app:// protocol', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Outpost</title>');
    expect(index.headers['content-security-policy']).toBe(buildContentSecurityPolicy());
    expect(index.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets with their type, and 404 for missing files', async () => {
    const asset = await request('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(String(asset.headers['content-type'])).toContain('javascript');
    expect((await request('/assets/missing.js')).status).toBe(404);
  });

  it('serves the service worker as JavaScript, revalidated on every load, under the app policy that allows it', async () => {
    const worker = await request('/sw.js');
    expect(worker.status).toBe(200);
    expect(String(worker.headers['content-type'])).toMatch(/^(text|application)\/javascript/);
    // A cached worker would keep an old build: the browser must ask for sw.js on every load.
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.headers['content-security-policy']).toBe(buildContentSecurityPolicy());
    // The page registers it under its own policy: workers from the app's origin only.
    expect(String((await request('/')).headers['content-security-policy'])).toContain("worker-src 'self'");
    // Hashed assets are not the worker: they keep the server's default caching.
    expect((await request('/assets/app.js')).headers['cache-control']).not.toBe('no-cache');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/%00'])(
    'refuses the traversal %s',
    async (path) => {
      const response = await request(path);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain(SECRET);
    },
  );

  it('answers the health check beside the app', async () => {
    const health = await request('/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', store: 'sqlite' });
  });
});
