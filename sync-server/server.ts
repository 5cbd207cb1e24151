import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { createGunzip } from 'node:zlib';
import { pipeline, type Readable } from 'node:stream';
import { SCOPE_KEY_HEADER } from '@domain/auth-protocol';
import { SYNC_LIMITS } from '@domain/sync-protocol';
import type { AuthConfig } from './auth/auth-config';
import { installAuth } from './auth/install-auth';
import { stripAccessToken } from './auth/query-token';
import { registerAppFiles } from './http/app-files';
import { HttpError } from './http/api-error';
import { installErrorHandler } from './http/error-handler';
import { installGracefulClose } from './http/graceful-close';
import { installLoopbackHostGuard } from './http/host-guard';
import { registerHealthRoute } from './http/health-route';
import { registerChangeStream } from './replication/change-stream';
import { registerCountRoute } from './replication/count-route';
import { registerPullRoute } from './replication/pull-route';
import { registerPushRoute } from './replication/push-route';
import { inlineDecoder, threadDecoder } from './replication/push-decoder';
import type { Store } from './store/store';

export interface ServerConfig {
  store: Store;
  /** Sign-in mode and test knobs (sync-server/auth/auth-config.ts; docs/security.md). */
  auth: AuthConfig;
  /** false for silence (tests), true for JSON logs, or a pino logger of the host (Electron). */
  logger?: boolean | FastifyBaseLogger | { level: string };
  /** Serve the built app from this folder (browser mode); null for an API-only server. */
  rendererDir?: string | null;
  /**
   * Threads that decode push requests (parse, shape, schema; push-decoding.ts) off the event loop:
   * defaultDecoderThreads() for a server (the CLI), 0 or absent to decode inline (tests).
   */
  decoderThreads?: number;
  /** Server clock (injected in tests that check clock drift). */
  now?: () => number;
  streamCoalesceMs?: number;
  /** Told of every route as it is registered (the API reference's coverage test). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

/**
 * Origins other than the server's own that may call the API from a browser. A team server: the
 * desktop app and loopback pages (the app served on another port). A single-user server: the
 * desktop app only, whose page (app://outpost) is another origin. Any http page on this machine
 * could otherwise read the owner's answers; `npm run dev` reaches it through Vite's proxy instead.
 */
export const TEAM_CORS_ORIGINS: readonly (string | RegExp)[] = [
  'app://outpost',
  /^http:\/\/127\.0\.0\.1:\d+$/,
  /^http:\/\/localhost:\d+$/,
];
export const SINGLE_USER_CORS_ORIGINS: readonly string[] = ['app://outpost'];

/**
 * Build the sync server around a store. No module state: tests start any number of these on port
 * 0, and the embedded desktop server is one more call.
 */
export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logger ?? false,
    bodyLimit: SYNC_LIMITS.maxBodyBytes,
    // installGracefulClose answers requests that arrive while closing, in the API's error shape.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // A token put in the URL (`?access_token=`) leaves it before routing and logging (query-token.ts).
    rewriteUrl: stripAccessToken,
  } as never) as unknown as FastifyInstance;

  const { onRoute } = config;
  if (onRoute) app.addHook('onRoute', (route) => onRoute({ method: route.method, url: route.url }));
  installErrorHandler(app);
  // First of all hooks: a single-user server answers nothing addressed to another name.
  if (config.auth.mode === 'single-user') installLoopbackHostGuard(app);
  installGracefulClose(app);
  installJsonParser(app);
  // Every body is JSON: a text/plain body (or none at all) is refused as the wrong media type
  // (415) instead of reaching the routes as text.
  app.removeContentTypeParser('text/plain');
  // Ajv coerces "Infinity" or "1e400" in a query string to a number that passes `type: integer`
  // and skips its minimum/maximum checks: refuse it here instead of failing deep in the store.
  app.addHook('preHandler', async (request) => {
    for (const [key, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new HttpError(400, 'request.invalid', `invalid request: /${key} must be a finite integer`);
      }
    }
  });
  // Devices may gzip large pushes; the body limit applies to the decompressed bytes. gzip is the
  // one encoding the protocol names (docs/sync-protocol.md), so it is the only one decoded.
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = request.headers['content-encoding']?.trim().toLowerCase();
    if (!encoding || encoding === 'identity') return payload;
    if (encoding !== 'gzip') {
      throw new HttpError(
        415,
        'request.unsupportedEncoding',
        `unsupported Content-Encoding "${encoding}": send gzip or nothing`,
      );
    }
    const gunzip = createGunzip({ maxOutputLength: SYNC_LIMITS.maxBodyBytes + 1 });
    delete request.headers['content-encoding'];
    // Fastify compares Content-Length (the compressed size) with `receivedEncodedLength` when the
    // stream has one, else with the decompressed size, which never matches: count the wire bytes.
    const decoded = Object.assign(gunzip, { receivedEncodedLength: 0 });
    payload.on('data', (chunk: Buffer) => (decoded.receivedEncodedLength += chunk.length));
    // pipeline, not pipe: a broken upload fails the body instead of leaving the parser waiting.
    return pipeline(payload as Readable, decoded, () => undefined);
  });
  await app.register(fastifyCors, {
    origin: [...(config.auth.mode === 'single-user' ? SINGLE_USER_CORS_ORIGINS : TEAM_CORS_ORIGINS)],
    maxAge: 600,
    // The desktop app's page (app://outpost) is another origin: let it read the scope key.
    exposedHeaders: [SCOPE_KEY_HEADER],
  });
  await app.register(fastifyCompress, { global: true, threshold: 2048, encodings: ['gzip', 'deflate'] });

  // Before the routes: its hook decides who each request acts as (request.outpostActor).
  await installAuth(app, config.store, config.auth, config.now ?? Date.now);
  registerHealthRoute(app, config.store);
  registerPullRoute(app, config.store);
  registerCountRoute(app, config.store);
  const decoder = config.decoderThreads ? await threadDecoder(config.decoderThreads) : inlineDecoder();
  app.addHook('onClose', () => decoder.close());
  await registerPushRoute(app, { store: config.store, decoder, now: config.now ?? Date.now });
  registerChangeStream(app, config.store, { coalesceMs: config.streamCoalesceMs ?? 25 });
  if (config.rendererDir) await registerAppFiles(app, config.rendererDir);
  return app;
}

/**
 * Fastify's JSON body parser (secure-json-parse: prototype-poisoning keys are refused), without
 * its two regular-expression scans of the whole body when the text cannot hold such a key: they
 * look for a key `"__proto__"` or `"constructor"` (quotes included) whose letters may be written
 * as `\u` escapes, so a text with no `\u` escape and neither quoted word cannot match them.
 * Anything else goes through the default parser unchanged. A 100-row push is about 80 KB and the
 * scans cost as much as parsing it.
 */
function installJsonParser(app: FastifyInstance): void {
  const fullParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (
      text.length === 0 ||
      text.charCodeAt(0) === 0xfeff ||
      text.includes('\\u') ||
      text.includes('"__proto__"') ||
      text.includes('"constructor"')
    ) {
      fullParser(request, text, done);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // What the default parser answers for text that is not JSON.
      fullParser(request, text, done);
      return;
    }
    done(null, parsed);
  });
}
