import { sameRecord, type CollectionDefinition } from '../collection-definition';
import { stageChangeSchema, type StageChange } from '../schemas/stage-change';

export const stageChanges: CollectionDefinition<'stage_changes', StageChange> = {
  name: 'stage_changes',
  schema: stageChangeSchema,
  // v1: fewer IndexedDB indexes.
  migrations: { 1: sameRecord },
  appendOnly: true,
  hardDeletable: false,
  // The deal's owner and team, so the history is visible with the deal.
  accessKeys: { owner: 'ownerId', team: 'teamId' },
  permissions: {
    // Converting a lead makes the deal's first stage change for an account executive of the team.
    SDR: { read: 'own', create: 'team' },
    ACCOUNT_EXECUTIVE: { read: 'own', create: 'own' },
    SUPERVISOR: { read: 'team', create: 'team' },
    SALES_MANAGER: { read: 'all', create: 'all' },
  },
  timeFields: { stamped: ['at'] },
};
