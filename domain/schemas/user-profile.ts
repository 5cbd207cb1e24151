import type { CollectionSchema, RecordOf } from './json-schema';
import { emailField, recordFields, mergeFields, recordRequired, refField } from './json-schema';

export const ROLES = ['SDR', 'ACCOUNT_EXECUTIVE', 'SUPERVISOR', 'SALES_MANAGER'] as const;
export type Role = (typeof ROLES)[number];
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const userProfileSchema = {
  title: 'user profile',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...mergeFields,
    name: { type: 'string', minLength: 1, maxLength: 100 },
    email: { ...emailField, minLength: 3 },
    role: { type: 'string', enum: ROLES, maxLength: 20 },
    teamId: refField,
    active: { type: 'boolean' },
    locale: { type: 'string', enum: LOCALES },
    // Hue 0–359 for the avatar, so the same person always has the same colour.
    avatarHue: { type: 'integer', minimum: 0, maximum: 359 },
  },
  required: [...recordRequired, 'name', 'email', 'role', 'teamId', 'active', 'locale', 'avatarHue'],
  indexes: ['email'],
} as const satisfies CollectionSchema;

/** What the team sees of a user: name, role, team. Credentials never leave the server. */
export type UserProfile = RecordOf<typeof userProfileSchema>;
