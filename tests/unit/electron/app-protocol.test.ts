import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  resolveAppFilePath,
} from '../../../electron/main/app-protocol';
import { buildContentSecurityPolicy } from '../../../domain/content-security-policy';

const SECRET = 'root:x:0:0:secret';
let rendererDir: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  // <tmp>/secret.txt sits next to the build folder: reachable only through a traversal.
  const sandbox = mkdtempSync(join(tmpdir(), 'outpost-protocol-'));
  writeFileSync(join(sandbox, 'secret.txt'), SECRET);
  rendererDir = join(sandbox, 'renderer');
  mkdirSync(join(rendererDir, 'assets', 'nested'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Outpost</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'storage.worker-abc123.js'), 'postMessage("ready")');
  writeFileSync(join(rendererDir, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(rendererDir, 'assets', 'inter.woff2'), 'font');
  writeFileSync(join(rendererDir, 'assets', 'blob.bin'), 'bytes');
  writeFileSync(join(rendererDir, 'assets', 'nested', 'index.html'), '<p>nested</p>');
  serve = createAppProtocolHandler({
    rendererDir,
    contentSecurityPolicy: () => buildContentSecurityPolicy(['https://sync.example.com']),
  });
});

// The handler reads only method and url; a plain object also lets a test send what `new Request`
// refuses to build (credentials in the URL) but Chromium could still hand over.
const get = (url: string, method = 'GET') => serve({ url, method } as Request);

describe('app:// scheme registration', () => {
  it('is standard, secure and fetch-capable, and never bypasses CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });
});

describe('app:// protocol handler', () => {
  it('serves index.html for the root with the CSP header', async () => {
    const response = await get('app://outpost/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Outpost</title>');
    const csp = response.headers.get('content-security-policy');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    // The storage worker (ADR 0012): the app's own files only, never blob: or data:.
    expect(csp?.split(';').map((d) => d.trim())).toContain("worker-src 'self'");
    expect(csp).not.toContain('blob:');
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:* https://sync.example.com");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });

  it.each([
    ['app://outpost/index.html', 'text/html; charset=utf-8'],
    ['app://outpost/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['app://outpost/assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['app://outpost/assets/logo.svg', 'image/svg+xml'],
    ['app://outpost/assets/inter.woff2', 'font/woff2'],
    ['app://outpost/assets/blob.bin', 'application/octet-stream'],
    ['app://outpost/assets/nested/', 'text/html; charset=utf-8'],
    ['app://outpost/assets/index-abc123.js?v=2#x', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s', async (url, contentType) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
  });

  it('serves the storage worker as a module script under the same CSP (ADR 0012)', async () => {
    const response = await get('app://outpost/assets/storage.worker-abc123.js');
    expect(response.status).toBe(200);
    // A module worker's script must have a JavaScript MIME type; the worker runs under this header.
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      buildContentSecurityPolicy(['https://sync.example.com']),
    );
  });

  it.each([
    'app://outpost/../../etc/passwd',
    'app://outpost/../secret.txt',
    'app://outpost/%2e%2e/secret.txt',
    'app://outpost/%2E%2E/%2e%2e/etc/passwd',
    'app://outpost/..%2fsecret.txt',
    'app://outpost/assets/..%2f..%2fsecret.txt',
    'app://outpost/..%5csecret.txt',
    'app://outpost/%2e%2e%5csecret.txt',
    'app://outpost/%00index.html',
    'app://outpost/%E0%A4%A',
    'app://outpost/C:%5cWindows%5cwin.ini',
    'app://outpost//etc/passwd',
  ])('refuses the traversal %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each([
    'app://outpost/missing.js',
    'app://outpost/assets/',
    'app://evil/index.html',
    'app://outpost.evil/index.html',
    'app://user@outpost/index.html',
    'app://outpost:8080/index.html',
  ])('answers 404 for %s', async (url) => {
    expect((await get(url)).status).toBe(404);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])('refuses %s with 405', async (method) => {
    const response = await get('app://outpost/index.html', method);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it('never resolves a path outside the build folder', () => {
    expect(resolveAppFilePath('app://outpost/assets/a.js', rendererDir)).toBe(join(rendererDir, 'assets', 'a.js'));
    expect(resolveAppFilePath('app://outpost/', rendererDir)).toBe(rendererDir);
    expect(resolveAppFilePath('app://outpost/..%2f..%2fetc%2fpasswd', rendererDir)).toBeNull();
    expect(resolveAppFilePath('https://outpost/index.html', rendererDir)).toBeNull();
  });
});
