import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store';
import { errorBody } from './api-error';

/** `GET /healthz`: 200 when the store answers, 503 (with the reason) when it does not. */
export function registerHealthRoute(app: FastifyInstance, store: Store) {
  app.get('/healthz', async (request, reply) => {
    try {
      await store.ping();
      return { status: 'ok', store: store.kind, seq: await store.currentSeq() };
    } catch (error) {
      request.log.warn({ err: error }, 'health check failed');
      return reply.status(503).send(errorBody('store.unavailable', 'the database is not reachable'));
    }
  });
}
