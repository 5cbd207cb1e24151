import type { CollectionSchema } from './json-schema';
import { idField, recordFields, mergeFields, recordRequired, refField } from './json-schema';
import type { RecordBase } from './record';

export interface Stage {
  id: string;
  name: string;
  /** Default close probability of deals in this stage, 0–100. */
  probability: number;
  /** Days a deal may stay in the stage before its card shows as rotting; 0 = never. */
  rottingDays: number;
  /** A retired stage keeps its history but takes no new deals. */
  retired: boolean;
}

export interface Pipeline extends RecordBase {
  name: string;
  /** Display order of pipelines in the switcher. */
  position: number;
  isDefault: boolean;
  currency: string;
  /** Ordered: the board shows stages left to right in this order. */
  stages: Stage[];
  teamId: string;
}

export const pipelineSchema: CollectionSchema = {
  title: 'pipeline',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...mergeFields,
    name: { type: 'string', minLength: 1, maxLength: 100 },
    position: { type: 'integer', minimum: 0, maximum: 10_000, multipleOf: 1 },
    isDefault: { type: 'boolean' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 },
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
          probability: { type: 'integer', minimum: 0, maximum: 100 },
          rottingDays: { type: 'integer', minimum: 0, maximum: 3650 },
          retired: { type: 'boolean' },
        },
      },
    },
    teamId: refField,
  },
  required: [...recordRequired, 'name', 'position', 'isDefault', 'currency', 'stages', 'teamId'],
  indexes: ['position'],
};
