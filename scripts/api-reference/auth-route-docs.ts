import { AUTH_LIMITS, LOCAL_KEY_HEADER } from '../../domain/auth-protocol';
import {
  localSessionBody,
  loginBody,
  refreshBody,
  sessionUserResponse,
  setupBody,
} from '../../sync-server/auth/auth-schemas';
import type { RouteDoc } from './route-doc';
import { EXAMPLE_MANAGER, sessionUserFields, grant, errorOnly } from './route-doc-examples';

/** The health check and the sign-in routes (`/healthz`, `/auth/*`). */
export const AUTH_ROUTE_DOCS: readonly RouteDoc[] = [
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
];
