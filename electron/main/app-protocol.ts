import type { CustomScheme } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { APP_ORIGIN, APP_SCHEME, originOf } from './app-origin';
import { mimeTypeFor } from './mime-types';

/**
 * `standard` gives the scheme a real origin, relative URLs and web storage (without it IndexedDB
 * is disabled and RxDB cannot open); `secure` makes it a secure context; `supportFetchAPI` lets
 * the page fetch its own assets. Never `bypassCSP`: the header below must apply.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** The few file-system calls the handler needs, injectable for tests. */
export interface StaticFileSystem {
  stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean }>;
  readFile(path: string): Promise<Uint8Array>;
}

export interface AppProtocolOptions {
  /** Absolute path of the renderer build (dist/renderer); nothing outside it is ever served. */
  rendererDir: string;
  /** Read per response so that a changed sync-server origin applies on the next page load. */
  contentSecurityPolicy: () => string;
  fileSystem?: StaticFileSystem;
}

const nodeFileSystem: StaticFileSystem = { stat, readFile };

/**
 * Maps an app:// URL to a file strictly inside `rootDir`, or null. The URL parser has already
 * folded `..` and `%2e%2e` segments; what is left to refuse is what decoding reintroduces
 * (`..%2f`, `%5c`, NUL), a foreign host, and anything that still resolves outside the root.
 */
export function resolveAppFilePath(url: string, rootDir: string): string | null {
  if (originOf(url) !== APP_ORIGIN) return null;
  const root = resolve(rootDir);
  const segments: string[] = [];
  for (const raw of new URL(url).pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const candidate = resolve(root, ...segments);
  const inside = relative(root, candidate);
  if (inside.startsWith('..') || isAbsolute(inside)) return null;
  return candidate;
}

function plainResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers },
  });
}

/** The protocol.handle callback for app://outpost: GET only, files of the renderer build only. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const isFile = async (path: string): Promise<boolean> => {
    try {
      return (await fileSystem.stat(path)).isFile();
    } catch {
      return false;
    }
  };

  return async (request) => {
    if (request.method !== 'GET') return plainResponse(405, 'Method Not Allowed', { Allow: 'GET' });
    const resolved = resolveAppFilePath(request.url, options.rendererDir);
    if (resolved === null) return plainResponse(404, 'Not Found');

    let filePath = resolved;
    if (!(await isFile(filePath))) {
      filePath = join(resolved, 'index.html');
      if (!(await isFile(filePath))) return plainResponse(404, 'Not Found');
    }

    let body: Uint8Array;
    try {
      body = await fileSystem.readFile(filePath);
    } catch {
      return plainResponse(404, 'Not Found');
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(filePath),
        'X-Content-Type-Options': 'nosniff',
        // Read from local disk: revalidating is cheap and a new build is never shadowed by a stale copy.
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': options.contentSecurityPolicy(),
      },
    });
  };
}
