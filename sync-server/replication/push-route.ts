import type { FastifyInstance } from 'fastify';
import { SYNC_LIMITS, type PushRequest, type PushResponse } from '@domain/sync-protocol';
import { applyPush, type PushDependencies } from './apply-push';
import { collectionParam } from './collection-param';

const bodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rows'],
  properties: {
    rows: {
      type: 'array',
      maxItems: SYNC_LIMITS.maxPushRows,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['newDocumentState', 'assumedMasterState'],
        properties: {
          newDocumentState: { type: 'object' },
          assumedMasterState: { type: ['object', 'null'] },
        },
      },
    },
  },
} as const;

/**
 * `POST /sync/:collection/push` with `{ rows: [{ newDocumentState, assumedMasterState }] }`:
 * answers each row (conflicts to merge, rejections with reasons); idempotent under replays.
 */
export function registerPushRoute(app: FastifyInstance, deps: PushDependencies) {
  app.post<{ Params: { collection: string }; Body: PushRequest }>(
    '/sync/:collection/push',
    { schema: { body: bodySchema } },
    async (request): Promise<PushResponse> => {
      const collection = collectionParam(request.params.collection);
      const result = await applyPush(deps, collection, request.body.rows);
      if (result.rejected.length) {
        request.log.info(
          { collection, rejected: result.rejected.map((r) => ({ id: r.id, code: r.code })) },
          'rows rejected',
        );
      }
      return result;
    },
  );
}
