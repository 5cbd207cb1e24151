import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { EMAIL_PATTERN, PHONE_PATTERN } from '../field-rules';
import type { Money } from '../money';

/** The subset of JSON Schema our collection schemas use; RxDB and ajv both read it as is. */
export interface JsonSchema {
  type?: string | readonly string[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: readonly (string | number | boolean | null)[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  description?: string;
  default?: unknown;
}

/** A collection's schema in RxDB's shape: JSON Schema plus primary key, version and indexes. */
export interface CollectionSchema extends JsonSchema {
  title: string;
  version: number;
  primaryKey: string;
  type: 'object';
  properties: Record<string, JsonSchema>;
  required: readonly string[];
  indexes: readonly (string | readonly string[])[];
  additionalProperties: false;
}

export const hlcField = { type: 'string', maxLength: 64, pattern: '^\\d{15}-\\d{5}-[0-9a-z]{1,32}$' } as const;
export const idField = { type: 'string', maxLength: 36, pattern: '^[0-9a-f-]{36}$' } as const;
/** A reference to another record, or '' for none: Dexie cannot index optional or null fields. */
export const refField = { type: 'string', maxLength: 36, pattern: '^([0-9a-f-]{36})?$' } as const;
export const dateTimeField = { type: 'string', format: 'date-time', maxLength: 30 } as const;
export const nullableDateTimeField = { type: ['string', 'null'], format: 'date-time', maxLength: 30 } as const;
export const dateField = { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$', maxLength: 10 } as const;
export const shortText = (maxLength = 200) => ({ type: 'string', maxLength }) as const;
export const emailField = { type: 'string', maxLength: 254, pattern: `^$|${EMAIL_PATTERN}` } as const;
export const phoneField = { type: 'string', maxLength: 40, pattern: PHONE_PATTERN } as const;
export const tagsField = {
  type: 'array',
  maxItems: 50,
  uniqueItems: true,
  items: { type: 'string', minLength: 1, maxLength: 40 },
} as const;
export const notesField = { type: 'string', maxLength: 20_000 } as const;
export const moneyField = {
  type: 'object',
  additionalProperties: false,
  required: ['amount', 'currency'],
  properties: {
    amount: { type: 'integer', minimum: -9_000_000_000_000_000, maximum: 9_000_000_000_000_000 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 },
  },
} as const;
/** Money that may be absent (a lead's estimate). */
export const nullableMoneyField = { ...moneyField, type: ['object', 'null'] } as const;
export const addressField = {
  type: 'object',
  additionalProperties: false,
  properties: {
    street: shortText(200),
    city: shortText(100),
    region: shortText(100),
    postalCode: shortText(20),
    // ISO 3166-1 alpha-2.
    country: shortText(2),
  },
} as const;

/**
 * Fields every replicated record carries. `hlc` is the hybrid logical clock of the record's last
 * edit and `clocks` the clock of each field edited since creation: together they let two devices
 * merge concurrent offline edits field by field (domain/merge.ts). `deletedAt` is the soft delete a
 * user can undo; RxDB's own `_deleted` is reserved for removals the server sends.
 */
export const recordFields = {
  id: idField,
  createdAt: dateTimeField,
  updatedAt: dateTimeField,
  // User id of the creator, or '' for records made by the system (imports, web forms).
  createdBy: refField,
  // User id of whoever made the last edit.
  updatedBy: refField,
  hlc: hlcField,
  clocks: { type: 'object', additionalProperties: { type: 'string', maxLength: 64 } },
  deletedAt: nullableDateTimeField,
} as const;

export const recordRequired = [
  'id',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'hlc',
  'clocks',
  'deletedAt',
] as const;

/**
 * Edits of other devices that this record's merges replaced without their authors having seen the
 * winning edit (domain/lost-edits.ts): how the author of a losing edit learns of it, whichever
 * device reconnected first. Optional and never edited by hand; only records that merge carry it.
 */
export const lostEditsField = {
  type: 'array',
  maxItems: 20,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'clock'],
    properties: { field: { type: 'string', minLength: 1, maxLength: 64 }, clock: hlcField },
  },
} as const;

export const mergeFields = { lostEdits: lostEditsField } as const;

/** Owner and team decide who may see and change a record (domain/permissions). */
export const ownershipFields = {
  // User id, or '' when unassigned.
  ownerId: refField,
  teamId: refField,
} as const;

/**
 * The TypeScript type of the records a schema accepts (json-schema-to-ts): every record type is
 * derived from its schema, never written beside it, so the two cannot drift. Money sub-schemas
 * come out as `Money`. Only schemas kept `as const` keep their literal types.
 */
export type RecordOf<S extends JSONSchema> = FromSchema<
  S,
  {
    deserialize: [
      { pattern: typeof moneyField; output: Money },
      { pattern: typeof nullableMoneyField; output: Money | null },
    ];
  }
>;
