import { AUTH_LIMITS, LOCAL_KEY_HEADER, SCOPE_KEY_HEADER } from '../../domain/auth-protocol';
import { COLLECTION_DOCS } from '../../domain/collection-docs';
import { EXAMPLE_TEAM_ID, EXAMPLE_USER_ID } from '../../domain/collection-docs/example-ids';
import { SYNC_LIMITS } from '../../domain/sync-protocol';
import {
  adminUserResponse,
  createUserBody,
  localSessionBody,
  loginBody,
  refreshBody,
  sessionGrantResponse,
  sessionUserResponse,
  setPasswordBody,
  setupBody,
  updateUserBody,
  userIdParams,
} from '../../sync-server/auth/auth-schemas';
import { countQuerySchema } from '../../sync-server/replication/count-route';
import { pullQuerySchema } from '../../sync-server/replication/pull-route';
import { pushBodySchema, pushQuerySchema } from '../../sync-server/replication/push-route';

/** One part of a request or response: a schema, what its fields mean, and an example. */
export interface Part {
  /** A JSON schema (the route's own where it has one). */
  schema?: object;
  /** Descriptions by field path (as in the schema's field table). */
  fields?: Readonly<Record<string, string>>;
  /** Words for a part without a schema, or beside it. */
  note?: string;
  example?: unknown;
}

export interface ResponseDoc extends Part {
  status: number;
}

export interface RouteDoc {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  summary: string;
  /** Who may call it. */
  who: string;
  headers?: Readonly<Record<string, string>>;
  params?: Part;
  query?: Part;
  body?: Part;
  responses: readonly ResponseDoc[];
  /** Error codes it may answer besides those every route may (see the error table). */
  errors: readonly string[];
  notes?: readonly string[];
}

const ISSUED_AT = '2025-03-04T14:00:00.000Z';
const EXAMPLE_MANAGER = {
  id: EXAMPLE_USER_ID,
  name: 'Ana Ruiz',
  email: 'ana.ruiz@andes-crm.example',
  role: 'SALES_MANAGER',
  teamId: EXAMPLE_TEAM_ID,
};
const EXAMPLE_REP_ID = '01956150-0a18-7c2d-9e40-6b1f3a8c5d12';
const EXAMPLE_REP = {
  id: EXAMPLE_REP_ID,
  name: 'Diego Fuentes',
  email: 'diego.fuentes@andes-crm.example',
  role: 'ACCOUNT_EXECUTIVE',
  teamId: EXAMPLE_TEAM_ID,
};

const sessionUserFields = {
  id: 'The user’s id (their `users` record).',
  name: 'Their name.',
  email: 'Their sign-in email, lower-case.',
  role: '`SDR`, `ACCOUNT_EXECUTIVE`, `SUPERVISOR` or `SALES_MANAGER`.',
  teamId: 'Their team (an item key of the `teams` setting).',
};

const prefixed = (prefix: string, fields: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(fields).map(([path, text]) => [`${prefix}${path}`, text]));

const grant: ResponseDoc = {
  status: 200,
  schema: sessionGrantResponse,
  fields: {
    user: 'Who signed in.',
    ...prefixed('user.', sessionUserFields),
    accessToken: `The bearer token for \`/sync/*\`, \`/admin/*\` and \`GET /auth/me\`: a JWT valid ${AUTH_LIMITS.accessTokenSeconds / 60} minutes.`,
    accessTokenExpiresAt: 'When the access token stops working (UTC ISO): refresh a little before.',
    refreshToken: `Single-use token to trade at \`POST /auth/refresh\`, valid ${AUTH_LIMITS.refreshTokenDays} days: keep it secret.`,
    refreshTokenExpiresAt: 'When the refresh token stops working (UTC ISO): then sign in again.',
    scopeKey: `Fingerprint of what the user may see; compare it with \`${SCOPE_KEY_HEADER}\` of every pull.`,
  },
  example: {
    user: EXAMPLE_MANAGER,
    accessToken:
      'eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6IjNmOWExYzJiN2QxZSJ9.eyJyb2xlIjoiU0FMRVNfTUFOQUdFUiIsInRlYW0iOiIwMTkwMDAwMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAyMDEiLCJ2ZXIiOjAsInN1YiI6IjAxOTU2MTQ2LWFkNDAtN2EzZS05YzFiLTVkMmY4ZTBhNGIxMSIsImlhdCI6MTc0MTA5NjgwMCwiZXhwIjoxNzQxMDk3NzAwfQ.5mQ2Yv0p9dWc7kqN0rJxg3Tn8b1sH4LrUe6aZ2oPf9c',
    accessTokenExpiresAt: '2025-03-04T14:15:00.000Z',
    refreshToken: 'Xq7pL2mN9vRt.4fK8sW1bZc6hJ0yD3nG5aQ7eT2uM9pV1xR4kL8oS6wC3d',
    refreshTokenExpiresAt: '2025-04-03T14:00:00.000Z',
    scopeKey: '9c41d27a05be6f13',
  },
};

const adminUserFields = {
  ...sessionUserFields,
  active: 'False once deactivated.',
  createdAt: 'When the account was made (UTC ISO).',
  lastSeenAt: 'Last successful sign-in or refresh (UTC ISO), or null.',
};

const errorOnly = (status: number, note: string): ResponseDoc => ({ status, note });

export const SYNC_ROUTES_NOTE = `Replace \`:collection\` with one of the collection names (\`${Object.keys(COLLECTION_DOCS).join('`, `')}\`); another name answers 404 \`collection.unknown\`.`;

export const ROUTE_DOCS: readonly RouteDoc[] = [
  {
    method: 'GET',
    path: '/healthz',
    summary: 'Whether the server and its database answer. For load balancers and monitoring.',
    who: 'Anyone, no token.',
    responses: [
      {
        status: 200,
        note: 'The store answered.',
        schema: {
          type: 'object',
          required: ['status', 'store', 'seq'],
          properties: {
            status: { type: 'string', enum: ['ok'] },
            store: { type: 'string', enum: ['sqlite', 'postgres'] },
            seq: { type: 'integer', minimum: 0 },
          },
        },
        fields: {
          status: 'Always `ok` with a 200.',
          store: 'Which database the server runs on.',
          seq: 'The store’s current sequence number (the last write’s).',
        },
        example: { status: 'ok', store: 'postgres', seq: 98012 },
      },
      errorOnly(503, '`store.unavailable`: the database does not answer.'),
    ],
    errors: ['store.unavailable'],
  },
  {
    method: 'GET',
    path: '/auth/status',
    summary: 'How this server signs people in, and whether its first user still has to be set up.',
    who: 'Anyone, no token.',
    responses: [
      {
        status: 200,
        schema: {
          type: 'object',
          required: ['mode', 'needsSetup'],
          properties: { mode: { type: 'string', enum: ['single-user', 'team'] }, needsSetup: { type: 'boolean' } },
        },
        fields: {
          mode: '`team`: email and password (`POST /auth/login`); `single-user`: the desktop app’s own server (`POST /auth/local-session`).',
          needsSetup: 'True until the first user exists: then call `POST /auth/setup` (team mode).',
        },
        example: { mode: 'team', needsSetup: true },
      },
    ],
    errors: [],
  },
  {
    method: 'POST',
    path: '/auth/setup',
    summary:
      'Creates the first user, a Sales Manager in the default team, with the default pipeline and settings, and signs them in. Once only.',
    who: 'Anyone, while `GET /auth/status` says `needsSetup: true`.',
    body: {
      schema: setupBody,
      fields: {
        name: 'The Sales Manager’s name (not blank).',
        email: 'Their sign-in email (stored lower-case).',
        password: `${AUTH_LIMITS.minPasswordLength}–${AUTH_LIMITS.maxPasswordLength} characters (checked after the schema: \`auth.weakPassword\`).`,
        teamName: 'Optional name of the first team (default "Sales team").',
      },
      example: {
        name: 'Ana Ruiz',
        email: 'ana.ruiz@andes-crm.example',
        password: 'Cordillera-2025!',
        teamName: 'Santiago',
      },
    },
    responses: [grant],
    errors: ['request.invalid', 'auth.weakPassword', 'auth.setupDone', 'auth.busy'],
  },
  {
    method: 'POST',
    path: '/auth/login',
    summary: 'Signs in with email and password.',
    who: `Anyone (team mode). Rate-limited: ${AUTH_LIMITS.loginAttemptsPerAccount} failures per account and ${AUTH_LIMITS.loginAttemptsPerAddress} per address within ${AUTH_LIMITS.loginWindowSeconds / 60} minutes.`,
    body: {
      schema: loginBody,
      fields: {
        email: 'The sign-in email, any case.',
        password: 'The password.',
        deviceName: 'Optional: shown in the user’s sessions, e.g. "Outpost desktop on macOS".',
      },
      example: { email: 'ana.ruiz@andes-crm.example', password: 'Cordillera-2025!', deviceName: 'Field laptop' },
    },
    responses: [
      grant,
      errorOnly(
        429,
        '`auth.rateLimited` with a `Retry-After` header (whole seconds) and `error.details.retryAfterMs`; the password was not checked.',
      ),
    ],
    errors: ['request.invalid', 'auth.invalidCredentials', 'auth.deactivated', 'auth.rateLimited', 'auth.busy'],
    notes: [
      'A wrong password and an unknown email get the same answer after the same work.',
      'A right password clears the account’s failure count; the address’s count stays.',
    ],
  },
  {
    method: 'POST',
    path: '/auth/local-session',
    summary:
      'Signs in the owner of a single-user server without a password (the desktop app’s embedded server, `npm start`); creates the owner on first use.',
    who: `Single-user mode only, from the same machine (loopback), with the launch key in \`${LOCAL_KEY_HEADER}\`.`,
    headers: {
      [LOCAL_KEY_HEADER]:
        'The launch key: made by whoever started the server and handed to it in `OUTPOST_LOCAL_KEY`, and to the app it started (the browser app gets it in the address fragment `#k=…`).',
    },
    body: {
      schema: localSessionBody,
      fields: {
        name: 'Used only when the owner is created: their name (default "Owner").',
        locale: 'Used only when the owner is created: their language.',
      },
      note: 'The body may be `{}` or `null`.',
      example: { name: 'Ana Ruiz', locale: 'es' },
    },
    responses: [grant],
    errors: ['auth.localOnly', 'auth.localKeyInvalid', 'auth.deactivated', 'auth.ownerMissing'],
  },
  {
    method: 'POST',
    path: '/auth/refresh',
    summary: 'Trades a refresh token for a new grant (rotation): the old refresh token is used up.',
    who: 'The holder of a live refresh token.',
    body: {
      schema: refreshBody,
      fields: { refreshToken: 'The refresh token of the last grant.' },
      example: { refreshToken: 'Xq7pL2mN9vRt.4fK8sW1bZc6hJ0yD3nG5aQ7eT2uM9pV1xR4kL8oS6wC3d' },
    },
    responses: [grant],
    errors: ['request.invalid', 'auth.refreshInvalid', 'auth.deactivated'],
    notes: [
      `The same token presented again within ${AUTH_LIMITS.refreshGraceSeconds} seconds of its trade (two windows refreshing at once, an answer lost on the way) gets the same successor refresh token and a fresh access token.`,
      'Presented later, it is taken for a stolen copy: the token and every token descended from it are revoked (401 `auth.refreshInvalid`), and the user signs in again on every device of that session.',
      'Refresh under a lock shared by every window of your app, and keep the newest grant: each rotation replaces the refresh token.',
    ],
  },
  {
    method: 'POST',
    path: '/auth/logout',
    summary: 'Signs a session out: revokes its refresh token. The access token lives out its minutes.',
    who: 'Anyone: it answers 204 also for a token that already ended.',
    body: {
      schema: refreshBody,
      fields: { refreshToken: 'The refresh token of the session to end.' },
      example: { refreshToken: 'Xq7pL2mN9vRt.4fK8sW1bZc6hJ0yD3nG5aQ7eT2uM9pV1xR4kL8oS6wC3d' },
    },
    responses: [{ status: 204, note: 'No body.' }],
    errors: ['request.invalid'],
  },
  {
    method: 'GET',
    path: '/auth/me',
    summary: 'Who the access token signs in, as the server knows them now.',
    who: 'Any signed-in user (Bearer token).',
    responses: [{ status: 200, schema: sessionUserResponse, fields: sessionUserFields, example: EXAMPLE_MANAGER }],
    errors: ['auth.required', 'auth.invalidToken', 'auth.deactivated'],
  },
  {
    method: 'GET',
    path: '/admin/users',
    summary: 'Every user of the workspace, by name.',
    who: 'A Sales Manager.',
    responses: [
      {
        status: 200,
        schema: { type: 'array', items: adminUserResponse },
        fields: prefixed('[].', adminUserFields),
        example: [
          { ...EXAMPLE_MANAGER, active: true, createdAt: ISSUED_AT, lastSeenAt: '2025-03-08T09:12:44.000Z' },
          { ...EXAMPLE_REP, active: true, createdAt: '2025-03-04T15:30:00.000Z', lastSeenAt: null },
        ],
      },
    ],
    errors: ['auth.required', 'auth.invalidToken', 'auth.deactivated', 'permission.denied'],
  },
  {
    method: 'POST',
    path: '/admin/users',
    summary: 'Adds a user with an initial password; the server writes their `users` record.',
    who: 'A Sales Manager.',
    body: {
      schema: createUserBody,
      fields: {
        name: 'Their name (not blank).',
        email: 'Their sign-in email (stored lower-case, unique without regard to case).',
        role: 'Their role.',
        teamId: 'Their team: an item key of the `teams` setting that is not retired.',
        password: `The initial password to hand over, ${AUTH_LIMITS.minPasswordLength}–${AUTH_LIMITS.maxPasswordLength} characters.`,
      },
      example: {
        name: 'Diego Fuentes',
        email: 'diego.fuentes@andes-crm.example',
        role: 'ACCOUNT_EXECUTIVE',
        teamId: EXAMPLE_TEAM_ID,
        password: 'Valparaiso-0425',
      },
    },
    responses: [
      {
        status: 201,
        schema: adminUserResponse,
        fields: adminUserFields,
        example: { ...EXAMPLE_REP, active: true, createdAt: '2025-03-04T15:30:00.000Z', lastSeenAt: null },
      },
    ],
    errors: [
      'request.invalid',
      'auth.weakPassword',
      'auth.emailTaken',
      'auth.busy',
      'auth.required',
      'auth.invalidToken',
      'permission.denied',
    ],
    notes: ['An unknown or retired team answers 400 `request.invalid`.'],
  },
  {
    method: 'PATCH',
    path: '/admin/users/:id',
    summary:
      'Changes a user’s name, role, team or active flag. A change of role or team, or a deactivation, ends their access tokens at once; a deactivation also ends their sessions.',
    who: 'A Sales Manager; nobody deactivates or demotes themselves.',
    params: { schema: userIdParams, fields: { id: 'The user’s id.' } },
    body: {
      schema: updateUserBody,
      fields: {
        name: 'New name.',
        role: 'New role.',
        teamId: 'New team (an item key of the `teams` setting).',
        active: 'False deactivates: every session ends and every request of theirs is refused from the next one.',
      },
      note: 'At least one field.',
      example: { role: 'SUPERVISOR' },
    },
    responses: [
      {
        status: 200,
        schema: adminUserResponse,
        fields: adminUserFields,
        example: {
          ...EXAMPLE_REP,
          role: 'SUPERVISOR',
          active: true,
          createdAt: '2025-03-04T15:30:00.000Z',
          lastSeenAt: null,
        },
      },
    ],
    errors: ['request.invalid', 'user.notFound', 'auth.required', 'auth.invalidToken', 'permission.denied'],
  },
  {
    method: 'POST',
    path: '/admin/users/:id/password',
    summary: 'Sets a password. Every session of the account ends and its access tokens stop working at once.',
    who: 'A Sales Manager for anyone; any user for themselves, with their current password.',
    params: { schema: userIdParams, fields: { id: 'The user’s id.' } },
    body: {
      schema: setPasswordBody,
      fields: {
        password: `The new password, ${AUTH_LIMITS.minPasswordLength}–${AUTH_LIMITS.maxPasswordLength} characters.`,
        currentPassword: 'Required when users change their own password (unless they have none yet).',
      },
      example: { password: 'Atacama-Sunrise-77', currentPassword: 'Cordillera-2025!' },
    },
    responses: [{ status: 204, note: 'No body.' }],
    errors: [
      'request.invalid',
      'auth.weakPassword',
      'auth.invalidCredentials',
      'auth.rateLimited',
      'auth.busy',
      'user.notFound',
      'auth.required',
      'auth.invalidToken',
      'permission.denied',
    ],
    notes: [
      'A wrong current password counts as a failed sign-in of the account (429 `auth.rateLimited` beyond the limit).',
    ],
  },
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
