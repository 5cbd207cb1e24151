import type { CollectionSchema, RecordOf } from './json-schema';
import { idField, recordFields, mergeFields, recordRequired, refField } from './json-schema';

export const pipelineSchema = {
  title: 'pipeline',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...mergeFields,
    name: { type: 'string', minLength: 1, maxLength: 100 },
    // Display order of pipelines in the switcher.
    position: { type: 'integer', minimum: 0, maximum: 10_000, multipleOf: 1 },
    isDefault: { type: 'boolean' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 },
    // Ordered: the board shows stages left to right in this order.
    stages: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'probability', 'rottingDays', 'retired'],
        properties: {
          id: idField,
          name: { type: 'string', minLength: 1, maxLength: 60 },
          // Default close probability of deals in this stage, 0–100.
          probability: { type: 'integer', minimum: 0, maximum: 100 },
          // Days a deal may stay in the stage before its card shows as rotting; 0 = never.
          rottingDays: { type: 'integer', minimum: 0, maximum: 3650 },
          // A retired stage keeps its history but takes no new deals.
          retired: { type: 'boolean' },
        },
      },
    },
    teamId: refField,
  },
  required: [...recordRequired, 'name', 'position', 'isDefault', 'currency', 'stages', 'teamId'],
  indexes: ['position'],
} as const satisfies CollectionSchema;

export type Pipeline = RecordOf<typeof pipelineSchema>;

export type Stage = Pipeline['stages'][number];
