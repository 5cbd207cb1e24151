import { manage, READ_EVERYTHING, sameRecord, type CollectionDefinition } from '../collection-definition';
import { checkPipelineWrite } from '../pipeline-rules';
import { pipelineSchema, type Pipeline } from '../schemas/pipeline';

export const pipelines: CollectionDefinition<'pipelines', Pipeline> = {
  name: 'pipelines',
  schema: pipelineSchema,
  migrations: { 1: sameRecord },
  appendOnly: false,
  hardDeletable: false,
  accessKeys: { owner: null, team: 'teamId' },
  permissions: {
    SDR: READ_EVERYTHING,
    ACCOUNT_EXECUTIVE: READ_EVERYTHING,
    SUPERVISOR: READ_EVERYTHING,
    SALES_MANAGER: manage('all'),
  },
  checkWrite: (_before, after) => checkPipelineWrite(after),
  governedFields: ['stages'],
};
