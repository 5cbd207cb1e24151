// Serves the built renderer (dist/renderer) on loopback when Outpost runs in a browser instead of
// Electron. Same CSP as the app:// protocol (electron/main/content-security-policy.ts; a test keeps
// them equal). A later issue replaces this with the sync server, which will serve the renderer too.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

export const LOOPBACK_SYNC_SOURCE = 'http://127.0.0.1:*';
const SOURCE_PATTERN = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:(\d{1,5}|\*))?$/i;

export function buildContentSecurityPolicy(extraConnectSources = []) {
  const connect = ["'self'", LOOPBACK_SYNC_SOURCE];
  for (const source of extraConnectSources) {
    if (SOURCE_PATTERN.test(source) && !connect.includes(source)) connect.push(source);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** A request path mapped strictly inside rootDir, or null (traversal, encoded separators, NUL). */
export function resolveRequestPath(requestUrl, rootDir) {
  let pathname;
  try {
    pathname = new URL(requestUrl, 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
  const segments = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const root = resolve(rootDir);
  const candidate = resolve(root, ...segments);
  const inside = relative(root, candidate);
  if (inside.startsWith('..') || isAbsolute(inside)) return null;
  return candidate;
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Starts the static server. `port` is tried first; when it is taken, any free port is used.
 * Resolves to { url, port, close() }.
 */
export async function serveRenderer({
  rootDir,
  host = '127.0.0.1',
  port = 5183,
  contentSecurityPolicy = buildContentSecurityPolicy(),
}) {
  const root = resolve(rootDir);
  const indexFile = join(root, 'index.html');
  const baseHeaders = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };

  const server = createServer(async (request, response) => {
    const plain = (status, text, headers = {}) => {
      response.writeHead(status, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      response.end(request.method === 'HEAD' ? undefined : text);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    const resolved = resolveRequestPath(request.url ?? '/', root);
    if (resolved === null) return plain(404, 'Not Found');

    let file = resolved;
    if (!(await isFile(file))) {
      // Single-page app: an unknown path without a file extension is a client-side route.
      if (extname(resolved) !== '' || !(await isFile(indexFile))) return plain(404, 'Not Found');
      file = indexFile;
    }
    const contentType = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(200, { ...baseHeaders, 'Content-Type': contentType, 'Cache-Control': 'no-cache' });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  });

  const listen = (candidatePort) =>
    new Promise((resolveListen, rejectListen) => {
      const onError = (error) => {
        server.off('listening', onListening);
        rejectListen(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolveListen();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(candidatePort, host);
    });

  try {
    await listen(port);
  } catch (error) {
    if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
    await listen(0);
  }
  const actualPort = server.address().port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

// `node scripts/serve-renderer.mjs --port <n>`: serve dist/renderer (the e2e suite's web server).
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag > 0 ? Number.parseInt(process.argv[portFlag + 1] ?? '', 10) : 5183;
  const rootDir = resolve(new URL('..', import.meta.url).pathname, 'dist', 'renderer');
  const server = await serveRenderer({ rootDir, port });
  console.log(`Outpost is running at ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
