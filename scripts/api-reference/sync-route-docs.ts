import { SCOPE_KEY_HEADER } from '../../domain/auth-protocol';
import { COLLECTION_DOCS } from '../../domain/collection-docs';
import { SYNC_LIMITS } from '../../domain/sync-protocol';
import { countQuerySchema } from '../../sync-server/replication/count-route';
import { pullQuerySchema } from '../../sync-server/replication/pull-route';
import { pushBodySchema, pushQuerySchema } from '../../sync-server/replication/push-route';
import type { RouteDoc } from './route-doc';
import { errorOnly } from './route-doc-examples';

export const SYNC_ROUTES_NOTE = `Replace \`:collection\` with one of the collection names (\`${Object.keys(COLLECTION_DOCS).join('`, `')}\`); another name answers 404 \`collection.unknown\`.`;

/** Replication: pull, count, push and the change stream (`/sync/*`). */
export const SYNC_ROUTE_DOCS: readonly RouteDoc[] = [
  {
    method: 'GET',
    path: '/sync/:collection/pull',
    summary:
      'The records of one collection changed after a checkpoint that the signed-in user may read, in server order, with removals of records that left their sight.',
    who: 'Any signed-in user; each receives only what their role lets them read (see Permissions).',
    params: { note: SYNC_ROUTES_NOTE },
    query: {
      schema: pullQuerySchema,
      fields: {
        checkpoint: 'The `checkpoint.seq` of the last page you stored; 0 (the default) for everything.',
        limit: 'Documents per page at most.',
      },
    },
    responses: [
      {
        status: 200,
        note: `Header \`${SCOPE_KEY_HEADER}\`: the user’s scope key now (see "Scope changes").`,
        schema: {
          type: 'object',
          required: ['documents', 'checkpoint', 'serverSeq'],
          properties: {
            documents: { type: 'array', items: { type: 'object' } },
            checkpoint: { type: 'object', required: ['seq'], properties: { seq: { type: 'integer', minimum: 0 } } },
            serverSeq: { type: 'integer', minimum: 0 },
          },
        },
        fields: {
          documents:
            'Records in seq order, each as its collection documents it plus `_deleted`; `_deleted: true` is a removal (see Conventions).',
          checkpoint: 'Where to continue: store it once the documents are stored.',
          'checkpoint.seq': 'The last seq the server scanned for you (it moves on even when nothing was visible).',
          serverSeq: 'The store’s current seq, to show the progress of a long sync.',
        },
        example: {
          documents: [{ ...COLLECTION_DOCS.companies.example, _deleted: false }],
          checkpoint: { seq: 5120 },
          serverSeq: 98012,
        },
      },
    ],
    errors: ['request.invalid', 'collection.unknown', 'auth.required', 'auth.invalidToken', 'auth.deactivated'],
    notes: [
      'A page shorter than `limit` means "nothing more for now"; a full page means "ask again".',
      'A `checkpoint` beyond `serverSeq` (the server was restored from an older backup) answers the first page from 0.',
    ],
  },
  {
    method: 'GET',
    path: '/sync/:collection/count',
    summary:
      'How many documents pulls of one collection from a checkpoint will send the signed-in user, up to the server’s current seq: to show the progress of a long sync.',
    who: 'Any signed-in user; the count covers only what their role lets them read (see Permissions), as the pull does.',
    params: { note: SYNC_ROUTES_NOTE },
    query: {
      schema: countQuerySchema,
      fields: {
        checkpoint: 'The `checkpoint.seq` you will pull from; 0 (the default) for a first sync.',
      },
    },
    responses: [
      {
        status: 200,
        schema: {
          type: 'object',
          required: ['documents', 'serverSeq'],
          properties: {
            documents: { type: 'integer', minimum: 0 },
            serverSeq: { type: 'integer', minimum: 0 },
          },
        },
        fields: {
          documents:
            'Documents (records and removals) the pulls from `checkpoint` up to `serverSeq` will return, with the pull’s access filter.',
          serverSeq: 'The store’s seq the count was taken at.',
        },
        example: { documents: 100000, serverSeq: 434512 },
      },
    ],
    errors: ['request.invalid', 'collection.unknown', 'auth.required', 'auth.invalidToken', 'auth.deactivated'],
    notes: [
      'Writes made after the count are pulled too: a device receives at least `documents`, and more when the collection changes while it syncs.',
      'A `checkpoint` beyond `serverSeq` counts from 0, as the pull then starts over.',
    ],
  },
  {
    method: 'POST',
    path: '/sync/:collection/push',
    summary:
      'Writes records of one collection. Each row gets exactly one answer: accepted (not listed), a conflict, or a rejection; one bad row never fails the others.',
    who: 'Any signed-in user; every row is checked against their role (see Permissions) and the collection’s rules.',
    params: { note: SYNC_ROUTES_NOTE },
    query: {
      schema: pushQuerySchema,
      fields: {
        schemaVersion:
          'The collection schema version the documents are written in (default: the server’s). Older ones are migrated; a newer one answers 409 `schema.newerThanServer`.',
      },
    },
    body: {
      schema: pushBodySchema,
      fields: {
        rows: 'The records to write, in order; a record may appear more than once (each row builds on the one before).',
        'rows[].newDocumentState':
          'The whole document as the device now has it, with `_deleted` (see the collection’s fields).',
        'rows[].assumedMasterState':
          'The server’s version the device last saw (as pulled, or as answered in a conflict), or null for a record the device created.',
      },
      note: `At most ${SYNC_LIMITS.maxPushRows} rows and ${SYNC_LIMITS.maxBodyBytes / 1024 / 1024} MiB after decompression.`,
      example: {
        rows: [
          { newDocumentState: { ...COLLECTION_DOCS.companies.example, _deleted: false }, assumedMasterState: null },
        ],
      },
    },
    responses: [
      {
        status: 200,
        schema: {
          type: 'object',
          required: ['conflicts', 'rejected'],
          properties: {
            conflicts: { type: 'array', items: { type: 'object' } },
            rejected: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'code', 'message', 'master'],
                properties: {
                  id: { type: 'string' },
                  code: { type: 'string' },
                  message: { type: 'string' },
                  params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
                  master: { type: ['object', 'null'] },
                },
              },
            },
          },
        },
        fields: {
          conflicts:
            'For each row whose assumed state was not the server’s: the server’s current document, to merge (see Conventions, "Conflicts").',
          rejected: 'Rows refused, nothing of them written.',
          'rejected[].id': 'The refused record’s id.',
          'rejected[].code': 'Why (see "Rejection codes").',
          'rejected[].message': 'Why, in English, for people.',
          'rejected[].params':
            'Details: `field` for `record.*` codes, `min`/`max` for dates, `from`/`to` for transitions…',
          'rejected[].master':
            'The server’s document to go back to, or null when it has none or the user may not read it (drop the local copy).',
        },
        example: {
          conflicts: [],
          rejected: [
            {
              id: COLLECTION_DOCS.deals.example.id,
              code: 'deal.lostReasonRequired',
              message: 'a lost deal needs a reason',
              master: { ...COLLECTION_DOCS.deals.example, _deleted: false },
            },
          ],
        },
      },
    ],
    errors: [
      'request.invalid',
      'request.malformedJson',
      'request.tooLarge',
      'request.unsupportedMediaType',
      'collection.unknown',
      'schema.newerThanServer',
      'auth.required',
      'auth.invalidToken',
      'auth.deactivated',
    ],
    notes: [
      'The server already has this version (same `hlc` and `_deleted`): accepted, nothing written — a replay of a push whose answer was lost. Pushing a batch twice is harmless.',
      'The server has no such record and the row is a removal (`_deleted: true`): accepted, nothing written.',
      'The user may not read the server’s version (it left their sight, or the id is someone else’s): rejected `permission.denied` with `master: null`, never a conflict. Drop the local copy.',
      'The server’s version is not the assumed one (by `hlc` and `_deleted`): in `conflicts`, nothing written. Merge and push again (Conventions, "Conflicts").',
      'The row breaks the schema, a clock or time rule, the role’s permissions or the collection’s rules: in `rejected` with the reason and the server’s version to go back to (docs/adr/0021-write-validation.md). Keep the refused version for your user to see.',
      'Otherwise the row is written with the next seq. Push about 100 rows at a time; gzip large bodies.',
    ],
  },
  {
    method: 'GET',
    path: '/sync/stream',
    summary: 'Server-sent events that only say "something changed, pull".',
    who: 'Any signed-in user, with the token in the `Authorization` header like every request (read it with `fetch`, not `EventSource`).',
    responses: [
      {
        status: 200,
        note: '`Content-Type: text/event-stream`. On every (re)connect a `resync` event (pull every collection); after writes commit (coalesced, at most one per ~25 ms) a `change` event; a `: keep-alive` comment every 20 s. Events carry no documents: a missed or repeated one costs a pull. Reconnect with backoff when it drops.',
        example:
          'retry: 2000\nevent: resync\ndata: {"seq":98012}\n\nevent: change\ndata: {"seq":98013}\n\n: keep-alive\n',
      },
      errorOnly(503, '`server.closing` or `store.unavailable`: retry.'),
    ],
    errors: ['auth.required', 'auth.invalidToken', 'auth.deactivated', 'server.closing', 'store.unavailable'],
  },
];
