import type { CollectionSchema, RecordOf } from './json-schema';
import { emailField, recordFields, mergeFields, recordRequired, refField } from './json-schema';

export const ROLES = ['SDR', 'ACCOUNT_EXECUTIVE', 'SUPERVISOR', 'SALES_MANAGER'] as const;
export type Role = (typeof ROLES)[number];
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** Bounds of a profile's key bindings: enough for every command twice over, small enough to sync everywhere. */
export const KEY_BINDING_LIMITS = { commands: 100, bindingsPerCommand: 3, bindingLength: 60, chords: 3 } as const;

/**
 * The user's own key bindings (Settings → Keyboard), replacing the defaults of the commands they
 * name; an empty `keys` unbinds one. A list rather than a map: command ids hold dots, which
 * RxDB's storages read as paths. The keys' grammar is checked by the collection's write rules
 * (domain/key-bindings.ts); the schema bounds the size.
 */
export const keyBindingsField = {
  type: 'array',
  maxItems: KEY_BINDING_LIMITS.commands,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['command', 'keys'],
    properties: {
      command: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' },
      keys: {
        type: 'array',
        maxItems: KEY_BINDING_LIMITS.bindingsPerCommand,
        items: { type: 'string', minLength: 1, maxLength: KEY_BINDING_LIMITS.bindingLength },
      },
    },
  },
} as const;

export const userProfileSchema = {
  title: 'user profile',
  version: 2,
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
    // Optional: absent until the user remaps a key, so profiles stored before it stay valid.
    keyBindings: keyBindingsField,
  },
  required: [...recordRequired, 'name', 'email', 'role', 'teamId', 'active', 'locale', 'avatarHue'],
  indexes: ['email'],
} as const satisfies CollectionSchema;

/** What the team sees of a user: name, role, team. Credentials never leave the server. */
export type UserProfile = RecordOf<typeof userProfileSchema>;
