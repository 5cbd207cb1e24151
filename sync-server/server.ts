import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { SYNC_LIMITS } from '@domain/sync-protocol';
import { registerAppFiles } from './http/app-files';
import { installErrorHandler } from './http/error-handler';
import { registerHealthRoute } from './http/health-route';
import { registerChangeStream } from './replication/change-stream';
import { registerPullRoute } from './replication/pull-route';
import { registerPushRoute } from './replication/push-route';
import { createRecordValidator } from './replication/record-validator';
import type { AccessScope, Store } from './store/store';

export interface ServerConfig {
  store: Store;
  /** false for silence (tests), true for JSON logs, or a pino logger of the host (Electron). */
  logger?: boolean | FastifyBaseLogger | { level: string };
  /** Serve the built app from this folder (browser mode); null for an API-only server. */
  rendererDir?: string | null;
  /** Origins allowed to call the API from a browser besides the server's own. */
  corsOrigins?: readonly (string | RegExp)[];
  /** Server clock (injected in tests that check clock drift). */
  now?: () => number;
  streamCoalesceMs?: number;
}

/** The desktop app's origin and loopback pages (dev server, browser mode on another port). */
export const DEFAULT_CORS_ORIGINS: readonly (string | RegExp)[] = [
  'app://outpost',
  /^http:\/\/127\.0\.0\.1:\d+$/,
  /^http:\/\/localhost:\d+$/,
];

/**
 * Build the sync server around a store. No module state: tests start any number of these on port
 * 0, and the embedded desktop server is one more call.
 */
export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logger ?? false,
    bodyLimit: SYNC_LIMITS.maxBodyBytes,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  } as never) as unknown as FastifyInstance;

  installErrorHandler(app);
  // Devices may gzip large pushes; the body limit applies to the decompressed bytes.
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.headers['content-encoding'] !== 'gzip') return payload;
    const gunzip = createGunzip({ maxOutputLength: SYNC_LIMITS.maxBodyBytes + 1 });
    delete request.headers['content-encoding'];
    return (payload as Readable).pipe(gunzip);
  });
  await app.register(fastifyCors, { origin: [...(config.corsOrigins ?? DEFAULT_CORS_ORIGINS)], maxAge: 600 });
  await app.register(fastifyCompress, { global: true, threshold: 2048, encodings: ['gzip', 'deflate'] });

  const scopeOf = (): AccessScope => ({ kind: 'all' });
  registerHealthRoute(app, config.store);
  registerPullRoute(app, config.store, scopeOf);
  registerPushRoute(app, { store: config.store, validator: createRecordValidator(), now: config.now ?? Date.now });
  registerChangeStream(app, config.store, { coalesceMs: config.streamCoalesceMs ?? 25 });
  if (config.rendererDir) await registerAppFiles(app, config.rendererDir);
  return app;
}
