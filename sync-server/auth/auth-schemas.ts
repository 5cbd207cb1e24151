import { EMAIL_PATTERN } from '@domain/field-rules';
import { LOCALES, ROLES } from '@domain/schemas/user-profile';

/**
 * JSON schemas of the auth and user-management bodies (domain/auth-protocol.ts). Password length
 * rules are checked in code, not here, so that a short password answers `auth.weakPassword`;
 * the schema only caps the length so nobody makes the server hash a megabyte.
 */
const email = { type: 'string', minLength: 3, maxLength: 254, pattern: EMAIL_PATTERN } as const;
const password = { type: 'string', minLength: 1, maxLength: 1000 } as const;
const name = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } as const;
const id = { type: 'string', pattern: '^[0-9a-f-]{36}$' } as const;
const role = { type: 'string', enum: ROLES } as const;

const body = (properties: Record<string, unknown>, required: readonly string[] = []) =>
  ({ type: 'object', additionalProperties: false, properties, required }) as const;

export const setupBody = body(
  { name, email, password, teamName: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } },
  ['name', 'email', 'password'],
);
export const loginBody = body({ email: { type: 'string', maxLength: 254 }, password, deviceName: name }, [
  'email',
  'password',
]);
export const localSessionBody = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { name, locale: { type: 'string', enum: LOCALES } },
} as const;
export const refreshBody = body({ refreshToken: { type: 'string', maxLength: 200 } }, ['refreshToken']);
export const createUserBody = body({ name, email, role, teamId: id, password }, [
  'name',
  'email',
  'role',
  'teamId',
  'password',
]);
export const updateUserBody = { ...body({ name, role, teamId: id, active: { type: 'boolean' } }), minProperties: 1 };
export const setPasswordBody = body({ password, currentPassword: password }, ['password']);
export const userIdParams = body({ id }, ['id']);

/** Responses are serialized through these: a field not listed (a hash, a token row) cannot leak. */
const sessionUser = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'email', 'role', 'teamId'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
    teamId: { type: 'string' },
  },
} as const;

export const sessionUserResponse = sessionUser;

export const adminUserResponse = {
  ...sessionUser,
  required: [...sessionUser.required, 'active', 'createdAt', 'lastSeenAt'],
  properties: {
    ...sessionUser.properties,
    active: { type: 'boolean' },
    createdAt: { type: 'string' },
    lastSeenAt: { type: ['string', 'null'] },
  },
} as const;

export const sessionGrantResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['user', 'accessToken', 'accessTokenExpiresAt', 'refreshToken', 'refreshTokenExpiresAt', 'scopeKey'],
  properties: {
    user: sessionUser,
    accessToken: { type: 'string' },
    accessTokenExpiresAt: { type: 'string' },
    refreshToken: { type: 'string' },
    refreshTokenExpiresAt: { type: 'string' },
    scopeKey: { type: 'string' },
  },
} as const;
