import { manage, sameRecord, type CollectionDefinition } from '../collection-definition';
import { checkDealWrite } from '../deal-lifecycle';
import { searchKey } from '../derived-fields';
import { dealSchema, type Deal } from '../schemas/deal';

export const deals: CollectionDefinition<'deals', Deal> = {
  name: 'deals',
  schema: dealSchema,
  // v1: fewer IndexedDB indexes. v2: the optional `lostEdits` of every record that merges.
  // v3: an index on the expected close date for the record table (docs/adr/0031-record-table-queries.md).
  migrations: { 1: sameRecord, 2: sameRecord, 3: sameRecord },
  appendOnly: false,
  hardDeletable: false,
  accessKeys: { owner: 'ownerId', team: 'teamId' },
  permissions: {
    // Converting a lead hands the deal to an account executive of the team.
    SDR: { read: 'own', create: 'team' },
    ACCOUNT_EXECUTIVE: { read: 'own', create: 'own', update: 'own', delete: 'own', close: 'own' },
    SUPERVISOR: manage('team'),
    SALES_MANAGER: manage('all'),
  },
  extraPermissions: (before, after) =>
    before === null
      ? after.status !== 'OPEN'
        ? [{ action: 'close', why: 'your role may not close deals' }]
        : []
      : before.status !== after.status
        ? [{ action: 'close', why: 'your role may not close or reopen this deal' }]
        : [],
  derivedFields: ['titleKey'],
  deriveFields: (doc) => ({ ...doc, titleKey: searchKey(doc.title).slice(0, 200) }),
  checkWrite: (before, after, lookups) => checkDealWrite(before, after, lookups.pipeline(after.pipelineId), lookups),
  writeReadsPipelines: true,
  // The expected close date is a typed date too, checked with the deal's own fields
  // (checkDealFields) so that every deal form refuses it the same way.
  timeFields: { stamped: ['stageEnteredAt', 'closedAt'] },
  governedFields: ['pipelineId', 'stageId', 'stageEnteredAt', 'rank', 'status', 'closedAt', 'lostReason', 'leadId'],
};
