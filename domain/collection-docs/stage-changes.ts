import type { CollectionDoc } from './collection-doc';
import { RECORD_FIELDS } from './common-fields';
import {
  EXAMPLE_DEAL_ID,
  EXAMPLE_FIRST_STAGE_ID,
  EXAMPLE_PIPELINE_ID,
  EXAMPLE_STAGE_CHANGE_ID,
  EXAMPLE_STAGE_ID,
  EXAMPLE_TEAM_ID,
  EXAMPLE_USER_ID,
} from './example-ids';

export const stageChangesDoc: CollectionDoc<'stage_changes'> = {
  summary:
    'One move of a deal — created in a stage, moved between stages, won, lost or reopened — kept as history for stage velocity and funnel reports. Append-only.',
  fields: {
    ...RECORD_FIELDS,
    ownerId: 'The deal’s owner at the time of the move, so the history is visible with the deal.',
    teamId: 'The deal’s team at the time of the move.',
    dealId: 'The deal that moved (required, never `""`).',
    pipelineId: 'The deal’s pipeline (required).',
    fromStageId: 'The stage it left, or `""` when the deal was created in `toStageId`.',
    toStageId: 'The stage it is in after the move (for won, lost and reopened: its current stage).',
    fromStatus: 'The deal’s status before the move, or `""` when the deal was created.',
    toStatus: 'The deal’s status after the move.',
    at: 'When the move happened (the deal’s new `stageEnteredAt` or `closedAt`).',
    by: 'User id of who moved it.',
  },
  example: {
    id: EXAMPLE_STAGE_CHANGE_ID,
    createdAt: '2025-03-07T11:05:42.118Z',
    updatedAt: '2025-03-07T11:05:42.118Z',
    createdBy: EXAMPLE_USER_ID,
    updatedBy: EXAMPLE_USER_ID,
    hlc: '001741345542118-00000-ana01',
    clocks: {},
    deletedAt: null,
    ownerId: EXAMPLE_USER_ID,
    teamId: EXAMPLE_TEAM_ID,
    dealId: EXAMPLE_DEAL_ID,
    pipelineId: EXAMPLE_PIPELINE_ID,
    fromStageId: EXAMPLE_FIRST_STAGE_ID,
    toStageId: EXAMPLE_STAGE_ID,
    fromStatus: 'OPEN',
    toStatus: 'OPEN',
    at: '2025-03-07T11:05:42.118Z',
    by: EXAMPLE_USER_ID,
  },
  rules: [
    'Written once, never edited: a push that changes a stored stage change is refused (`record.appendOnly`), and one pushed with a stale assumed state gets the stored one back as a conflict, which the client adopts as it is. They have no `lostEdits`.',
    'When a deal moves, the client writes one stage change with: `dealId`, `pipelineId`, the deal’s `ownerId` and `teamId`; `fromStageId` and `fromStatus` as the deal was before; `toStageId` and `toStatus` as it is after; `at` the time of the move and `by` the user.',
    'A new deal gets one with `fromStageId: ""` and `fromStatus: ""`. Won, lost and reopened keep `fromStageId` = `toStageId` (the deal’s stage) and change the status. A reorder within a stage writes none.',
    'The server does not check that a stage change accompanies a move, nor that it matches the deal: reports trust the client.',
    'A deal imported from a file gets none, so Undo import leaves nothing behind; stage changes cannot be removed, so reports count only those of deals that are not deleted (docs/adr/0036-importing-deals.md).',
  ],
};
