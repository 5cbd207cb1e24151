import type { CollectionSchema, RecordOf } from './json-schema';
import { dateTimeField, ownershipFields, recordFields, recordRequired, refField } from './json-schema';

export const stageChangeSchema = {
  title: 'stage change',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...ownershipFields,
    dealId: { ...refField, pattern: '^[0-9a-f-]{36}$' },
    pipelineId: { ...refField, pattern: '^[0-9a-f-]{36}$' },
    // '' when the deal was created in `toStageId`.
    fromStageId: refField,
    toStageId: { ...refField, pattern: '^[0-9a-f-]{36}$' },
    fromStatus: { type: 'string', enum: ['', 'OPEN', 'WON', 'LOST'] },
    toStatus: { type: 'string', enum: ['OPEN', 'WON', 'LOST'] },
    at: dateTimeField,
    // User id of who moved it.
    by: refField,
  },
  required: [
    ...recordRequired,
    'ownerId',
    'teamId',
    'dealId',
    'pipelineId',
    'fromStageId',
    'toStageId',
    'fromStatus',
    'toStatus',
    'at',
    'by',
  ],
  indexes: [['dealId', 'at']],
} as const satisfies CollectionSchema;

/**
 * One move of a deal: between stages, or into and out of WON / LOST. Append-only: written once,
 * never edited, so two devices can never conflict over one. Stage velocity and funnel reports are
 * computed from these. The owner and team are the deal's, so the record is visible with the deal.
 */
export type StageChange = RecordOf<typeof stageChangeSchema>;
