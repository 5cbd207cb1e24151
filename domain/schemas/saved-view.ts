import type { CollectionSchema, RecordOf } from './json-schema';
import { recordFields, mergeFields, recordRequired, refField } from './json-schema';

export const VIEW_SECTIONS = ['leads', 'deals', 'contacts', 'companies', 'activities', 'pipeline'] as const;
export type ViewSection = (typeof VIEW_SECTIONS)[number];
export const DENSITIES = ['compact', 'comfortable'] as const;
export type Density = (typeof DENSITIES)[number];

export const savedViewSchema = {
  title: 'saved view',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...mergeFields,
    // Whose view it is.
    userId: refField,
    // Shared with this team ('' = private to the user).
    sharedWithTeamId: refField,
    section: { type: 'string', enum: VIEW_SECTIONS, maxLength: 12 },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    filters: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'op', 'value'],
        properties: {
          field: { type: 'string', maxLength: 60 },
          op: { type: 'string', enum: ['eq', 'neq', 'contains', 'in', 'gte', 'lte', 'between', 'empty', 'notEmpty'] },
          // JSON-encoded operand, so one shape holds text, numbers, dates and lists.
          value: { type: 'string', maxLength: 2000 },
        },
      },
    },
    sort: {
      type: 'array',
      maxItems: 5,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'direction'],
        properties: { field: { type: 'string', maxLength: 60 }, direction: { type: 'string', enum: ['asc', 'desc'] } },
      },
    },
    columns: {
      type: 'array',
      maxItems: 60,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'width'],
        properties: {
          field: { type: 'string', maxLength: 60 },
          width: { type: 'integer', minimum: 40, maximum: 2000 },
        },
      },
    },
    density: { type: 'string', enum: DENSITIES },
    // Indexed: RxDB requires minimum, maximum and multipleOf on an indexed number.
    position: { type: 'integer', minimum: 0, maximum: 10_000, multipleOf: 1 },
  },
  required: [
    ...recordRequired,
    'userId',
    'sharedWithTeamId',
    'section',
    'name',
    'filters',
    'sort',
    'columns',
    'density',
    'position',
  ],
  indexes: [['userId', 'section', 'position']],
} as const satisfies CollectionSchema;

export type SavedView = RecordOf<typeof savedViewSchema>;

export type ViewFilter = SavedView['filters'][number];
