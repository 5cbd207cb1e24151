import type { FastifyInstance } from 'fastify';
import { SCOPE_KEY_HEADER } from '@domain/auth-protocol';
import type { CollectionName } from '@domain/collections';
import { readFilterOf } from '@domain/permissions';
import { SYNC_LIMITS, type PullResponse } from '@domain/sync-protocol';
import { actorOf, type ServerActor } from '../auth/request-actor';
import type { AccessScope, Store } from '../store/store';
import { toSyncDocument } from './apply-push';
import { collectionParam } from './collection-param';

/** The pull's query string (docs/api.md is generated from it). */
export const pullQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    checkpoint: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
    limit: { type: 'integer', minimum: 1, maximum: SYNC_LIMITS.maxPullLimit, default: SYNC_LIMITS.defaultPullLimit },
  },
} as const;

/** What the signed-in user may pull of one collection, as the store's filter (domain/permissions). */
export function scopeOf(actor: ServerActor, collection: CollectionName): AccessScope {
  const filter = readFilterOf(actor, collection);
  if (filter.kind === 'all') return { kind: 'all' };
  const { ownerIds, teamIds, unowned } = filter;
  return { kind: 'scoped', ownerIds, teamIds, unowned, openCollections: [] };
}

/**
 * `GET /sync/:collection/pull?checkpoint=<seq>&limit=<n>`: the collection's changes after the
 * checkpoint that the signed-in user may see, in server order, plus removals of records that
 * left their sight. A checkpoint beyond the server's sequence (a server restored from an older
 * backup) restarts the device from the beginning instead of leaving it waiting forever. The
 * response header `x-outpost-scope` carries the user's scope key (docs/security.md).
 */
export function registerPullRoute(app: FastifyInstance, store: Store) {
  app.get<{ Params: { collection: string }; Querystring: { checkpoint: number; limit: number } }>(
    '/sync/:collection/pull',
    { schema: { querystring: pullQuerySchema } },
    async (request, reply): Promise<PullResponse> => {
      const collection = collectionParam(request.params.collection);
      const actor = actorOf(request);
      const scope = scopeOf(actor, collection);
      let page = await store.pull(collection, request.query.checkpoint, request.query.limit, scope);
      if (request.query.checkpoint > page.head) {
        page = await store.pull(collection, 0, request.query.limit, scope);
      }
      void reply.header(SCOPE_KEY_HEADER, actor.scopeKey);
      return {
        documents: page.records.map((r) => toSyncDocument(r)),
        checkpoint: { seq: page.checkpoint },
        serverSeq: page.head,
      };
    },
  );
}
