import type { CollectionSchema, RecordOf } from './json-schema';
import { recordFields, mergeFields, recordRequired } from './json-schema';

/**
 * Small configuration lists share one collection (the RxDB collection budget, docs/adr/0002):
 * each record is one list, keyed by `kind`.
 */
export const SETTING_KINDS = ['lead-sources', 'lost-reasons', 'disqualify-reasons', 'teams', 'tags'] as const;
export type SettingKind = (typeof SETTING_KINDS)[number];

export const settingSchema = {
  title: 'setting',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...mergeFields,
    kind: { type: 'string', enum: SETTING_KINDS, maxLength: 30 },
    items: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'label', 'retired'],
        properties: {
          key: { type: 'string', minLength: 1, maxLength: 60 },
          label: { type: 'string', minLength: 1, maxLength: 100 },
          retired: { type: 'boolean' },
        },
      },
    },
  },
  required: [...recordRequired, 'kind', 'items'],
  indexes: ['kind'],
} as const satisfies CollectionSchema;

export type Setting = RecordOf<typeof settingSchema>;

export type SettingItem = Setting['items'][number];
