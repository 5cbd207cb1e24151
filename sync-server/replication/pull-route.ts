import type { FastifyInstance } from 'fastify';
import { SYNC_LIMITS, type PullResponse } from '@domain/sync-protocol';
import type { AccessScope, Store } from '../store/store';
import { toSyncDocument } from './apply-push';
import { collectionParam } from './collection-param';

const querySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    checkpoint: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
    limit: { type: 'integer', minimum: 1, maximum: SYNC_LIMITS.maxPullLimit, default: SYNC_LIMITS.defaultPullLimit },
  },
} as const;

/**
 * `GET /sync/:collection/pull?checkpoint=<seq>&limit=<n>`: the collection's changes after the
 * checkpoint, in server order. A checkpoint beyond the server's sequence (a server restored from
 * an older backup) restarts the device from the beginning instead of leaving it waiting forever.
 */
export function registerPullRoute(app: FastifyInstance, store: Store, scopeOf: (request: unknown) => AccessScope) {
  app.get<{ Params: { collection: string }; Querystring: { checkpoint: number; limit: number } }>(
    '/sync/:collection/pull',
    { schema: { querystring: querySchema } },
    async (request): Promise<PullResponse> => {
      const collection = collectionParam(request.params.collection);
      let page = await store.pull(collection, request.query.checkpoint, request.query.limit, scopeOf(request));
      if (request.query.checkpoint > page.head) {
        page = await store.pull(collection, 0, request.query.limit, scopeOf(request));
      }
      return {
        documents: page.records.map((r) => toSyncDocument(r)),
        checkpoint: { seq: page.checkpoint },
        serverSeq: page.head,
      };
    },
  );
}
