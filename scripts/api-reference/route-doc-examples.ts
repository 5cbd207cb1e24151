import { AUTH_LIMITS, SCOPE_KEY_HEADER } from '../../domain/auth-protocol';
import { EXAMPLE_TEAM_ID, EXAMPLE_USER_ID } from '../../domain/collection-docs/example-ids';
import { sessionGrantResponse } from '../../sync-server/auth/auth-schemas';
import type { ResponseDoc } from './route-doc';

/** The people, ids and answers the route examples share: one workspace, one morning. */
export const ISSUED_AT = '2025-03-04T14:00:00.000Z';
export const EXAMPLE_MANAGER = {
  id: EXAMPLE_USER_ID,
  name: 'Ana Ruiz',
  email: 'ana.ruiz@andes-crm.example',
  role: 'SALES_MANAGER',
  teamId: EXAMPLE_TEAM_ID,
};
export const EXAMPLE_REP_ID = '01956150-0a18-7c2d-9e40-6b1f3a8c5d12';
export const EXAMPLE_REP = {
  id: EXAMPLE_REP_ID,
  name: 'Diego Fuentes',
  email: 'diego.fuentes@andes-crm.example',
  role: 'ACCOUNT_EXECUTIVE',
  teamId: EXAMPLE_TEAM_ID,
};

export const sessionUserFields = {
  id: 'The user’s id (their `users` record).',
  name: 'Their name.',
  email: 'Their sign-in email, lower-case.',
  role: '`SDR`, `ACCOUNT_EXECUTIVE`, `SUPERVISOR` or `SALES_MANAGER`.',
  teamId: 'Their team (an item key of the `teams` setting).',
};

export const prefixed = (prefix: string, fields: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(fields).map(([path, text]) => [`${prefix}${path}`, text]));

export const grant: ResponseDoc = {
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

export const adminUserFields = {
  ...sessionUserFields,
  active: 'False once deactivated.',
  createdAt: 'When the account was made (UTC ISO).',
  lastSeenAt: 'Last successful sign-in or refresh (UTC ISO), or null.',
};

export const errorOnly = (status: number, note: string): ResponseDoc => ({ status, note });
