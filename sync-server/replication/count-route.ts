import type { FastifyInstance } from 'fastify';
import type { PullCountResponse } from '@domain/sync-protocol';
import { actorOf } from '../auth/request-actor';
import type { Store } from '../store/store';
import { collectionParam } from './collection-param';
import { scopeOf } from './pull-route';

/** The count's query string (docs/api.md is generated from it). */
export const countQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    checkpoint: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
  },
} as const;

/**
 * `GET /sync/:collection/count?checkpoint=<seq>`: how many documents pulls from the checkpoint up
 * to the server's current seq will send the signed-in user — counted with the pull's own access
 * filter, so a user learns nothing of records they may not read. A device shows the progress of a
 * long sync from it. A checkpoint beyond the server's sequence counts from 0, as the pull restarts.
 */
export function registerCountRoute(app: FastifyInstance, store: Store) {
  app.get<{ Params: { collection: string }; Querystring: { checkpoint: number } }>(
    '/sync/:collection/count',
    { schema: { querystring: countQuerySchema } },
    async (request): Promise<PullCountResponse> => {
      const collection = collectionParam(request.params.collection);
      const scope = scopeOf(actorOf(request), collection);
      let count = await store.pullCount(collection, request.query.checkpoint, scope);
      if (request.query.checkpoint > count.head) count = await store.pullCount(collection, 0, scope);
      return { documents: count.documents, serverSeq: count.head };
    },
  );
}
