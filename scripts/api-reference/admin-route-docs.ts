import { AUTH_LIMITS } from '../../domain/auth-protocol';
import { EXAMPLE_TEAM_ID } from '../../domain/collection-docs/example-ids';
import {
  adminUserResponse,
  createUserBody,
  setPasswordBody,
  updateUserBody,
  userIdParams,
} from '../../sync-server/auth/auth-schemas';
import type { RouteDoc } from './route-doc';
import { ISSUED_AT, EXAMPLE_MANAGER, EXAMPLE_REP, prefixed, adminUserFields } from './route-doc-examples';

/** The Sales Manager’s user administration (`/admin/users*`). */
export const ADMIN_ROUTE_DOCS: readonly RouteDoc[] = [
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
];
