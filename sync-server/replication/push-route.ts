import type { FastifyInstance } from 'fastify';
import { SYNC_LIMITS, type PushRequest, type PushResponse } from '@domain/sync-protocol';
import { COLLECTION_SCHEMAS } from '@domain/collections';
import { migrateRecord } from '@domain/migrations';
import { actorOf } from '../auth/request-actor';
import { HttpError } from '../http/api-error';
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

const querySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { schemaVersion: { type: 'integer', minimum: 0, maximum: 10_000 } },
} as const;

/**
 * `POST /sync/:collection/push` with `{ rows: [{ newDocumentState, assumedMasterState }] }`:
 * answers each row (conflicts to merge, rejections with reasons); idempotent under replays.
 */
export function registerPushRoute(app: FastifyInstance, deps: PushDependencies) {
  app.post<{ Params: { collection: string }; Body: PushRequest; Querystring: { schemaVersion?: number } }>(
    '/sync/:collection/push',
    { schema: { body: bodySchema, querystring: querySchema } },
    async (request): Promise<PushResponse> => {
      const collection = collectionParam(request.params.collection);
      const actor = actorOf(request);
      const current = COLLECTION_SCHEMAS[collection].version;
      const from = request.query.schemaVersion ?? current;
      if (from > current) {
        throw new HttpError(
          409,
          'schema.newerThanServer',
          `this device writes ${collection} v${from}; the server knows v${current}: update the server`,
        );
      }
      // A device that has not updated yet pushes older records: bring them to the current shape
      // with the same migrations the client runs.
      const rows =
        from === current
          ? request.body.rows
          : request.body.rows.map((row) => ({
              newDocumentState: migrateRecord(collection, row.newDocumentState as never, from, current) as never,
              assumedMasterState: row.assumedMasterState
                ? (migrateRecord(collection, row.assumedMasterState as never, from, current) as never)
                : null,
            }));
      const result = await applyPush(deps, actor, collection, rows);
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
