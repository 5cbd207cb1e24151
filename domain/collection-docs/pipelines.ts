import type { CollectionDoc } from './collection-doc';
import { LOST_EDIT_FIELDS, RECORD_FIELDS } from './common-fields';
import { EXAMPLE_PIPELINE_RECORD_ID, EXAMPLE_USER_ID } from './example-ids';

export const pipelinesDoc: CollectionDoc<'pipelines'> = {
  summary:
    'A sales process: an ordered list of stages deals move through. Every server starts with the default "Sales" pipeline (fixed id `01900000-0000-7000-8000-000000000001`).',
  fields: {
    ...RECORD_FIELDS,
    ...LOST_EDIT_FIELDS,
    name: 'The pipeline’s name.',
    position: 'Order of pipelines in the switcher, 0 first.',
    isDefault: 'Whether new deals go to this pipeline unless another is chosen.',
    currency: 'ISO 4217 code new deals in this pipeline start with.',
    stages: 'The stages, left to right on the board; at least one active.',
    'stages[].id': 'The stage’s id, a UUIDv7; deals refer to it in `stageId`.',
    'stages[].name': 'The stage’s name, unique (case-insensitive) among the active stages.',
    'stages[].probability': 'Default close probability of deals in the stage, 0–100.',
    'stages[].rottingDays': 'Days a deal may stay before its card shows as rotting; 0 = never.',
    'stages[].retired': 'A retired stage keeps its history but takes no new deals; stages are retired, not removed.',
    teamId: 'The team the pipeline is for, or `""` for everyone.',
  },
  example: {
    id: EXAMPLE_PIPELINE_RECORD_ID,
    createdAt: '2025-03-08T10:00:00.000Z',
    updatedAt: '2025-03-08T10:00:00.000Z',
    createdBy: EXAMPLE_USER_ID,
    updatedBy: EXAMPLE_USER_ID,
    hlc: '001741428000000-00000-ana01',
    clocks: {},
    deletedAt: null,
    name: 'Renewals',
    position: 1,
    isDefault: false,
    currency: 'USD',
    stages: [
      {
        id: '01957c4f-70f9-7d33-a1e6-3b9c7f2d4e01',
        name: 'Due in 90 days',
        probability: 60,
        rottingDays: 30,
        retired: false,
      },
      {
        id: '01957c4f-70fa-7d33-a1e6-3b9c7f2d4e02',
        name: 'Offer sent',
        probability: 80,
        rottingDays: 14,
        retired: false,
      },
      { id: '01957c4f-70fb-7d33-a1e6-3b9c7f2d4e03', name: 'Signed', probability: 95, rottingDays: 7, retired: false },
    ],
    teamId: '',
  },
  rules: [
    'Only a Sales Manager creates and changes pipelines; everyone reads them.',
    'At least one stage is active (`pipeline.noStages`); no stage id appears twice and no two active stages share a name, ignoring case (`pipeline.duplicateStage`).',
    'Retire a stage (`retired: true`) instead of removing it: deals and stage changes still refer to it.',
    'Pipelines are archived (`deletedAt`), never removed.',
  ],
};
