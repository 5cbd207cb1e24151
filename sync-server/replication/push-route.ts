import type { FastifyInstance } from 'fastify';
import { SYNC_LIMITS, type PushResponse } from '@domain/sync-protocol';
import { COLLECTION_SCHEMAS } from '@domain/collections';
import { actorOf } from '../auth/request-actor';
import { HttpError } from '../http/api-error';
import type { Store } from '../store/store';
import { applyPush } from './apply-push';
import { collectionParam } from './collection-param';
import type { PushDecoder } from './push-decoder';

/** The push's query string (docs/api.md is generated from it). */
export const pushQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { schemaVersion: { type: 'integer', minimum: 0, maximum: 10_000 } },
} as const;

/**
 * The shape of a push body, as JSON Schema, for the reference (docs/api.md). The route does not
 * hand it to Fastify: the body reaches the decoder thread as bytes, and push-decoding.ts checks
 * this same shape there by hand (push-decoding.test.ts holds the two together).
 */
export const pushBodySchema = {
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

export interface PushDependencies {
  store: Store;
  decoder: PushDecoder;
  now: () => number;
}

/**
 * `POST /sync/:collection/push` with `{ rows: [{ newDocumentState, assumedMasterState }] }`:
 * answers each row (conflicts to merge, rejections with reasons); idempotent under replays.
 *
 * The body reaches the handler as bytes: the decoder (push-decoding.ts, on its own thread) parses
 * it, checks its shape and every row's schema, so the event loop only judges the rows against the
 * store. The route lives in a scope of its own so that its JSON parser is not the other routes'.
 */
export async function registerPushRoute(app: FastifyInstance, deps: PushDependencies): Promise<void> {
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post<{ Params: { collection: string }; Body: Buffer; Querystring: { schemaVersion?: number } }>(
      '/sync/:collection/push',
      { schema: { querystring: pushQuerySchema } },
      async (request): Promise<PushResponse> => {
        const collection = collectionParam(request.params.collection);
        const actor = actorOf(request);
        // No body at all (a POST without one): the rows are JSON.
        if (!(request.body instanceof Uint8Array)) {
          throw new HttpError(
            415,
            'request.unsupportedMediaType',
            'send the rows as JSON (Content-Type: application/json)',
          );
        }
        const current = COLLECTION_SCHEMAS[collection].version;
        const from = request.query.schemaVersion ?? current;
        if (from > current) {
          throw new HttpError(
            409,
            'schema.newerThanServer',
            `this device writes ${collection} v${from}; the server knows v${current}: update the server`,
          );
        }
        // A device that has not updated yet pushes older records: the decoder brings them to the
        // current shape with the same migrations the client runs.
        // One "now" for the whole request: its rows are judged by the same clock on both threads.
        const nowMs = deps.now();
        const decoded = await deps.decoder.decode({
          collection,
          fromVersion: from,
          toVersion: current,
          nowMs,
          actor,
          body: request.body,
        });
        if (!decoded.ok) throw new HttpError(400, decoded.code, decoded.message);
        const result = await applyPush(deps.store, actor, collection, decoded.rows, nowMs);
        if (result.rejected.length) {
          request.log.info(
            { collection, rejected: result.rejected.map((r) => ({ id: r.id, code: r.code })) },
            'rows rejected',
          );
        }
        return result;
      },
    );
  });
}
