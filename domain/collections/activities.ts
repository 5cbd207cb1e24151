import { checkActivityFields } from '../activity-rules';
import { manage, sameRecord, type CollectionDefinition } from '../collection-definition';
import { activitySchema, type Activity } from '../schemas/activity';

export const activities: CollectionDefinition<'activities', Activity> = {
  name: 'activities',
  schema: activitySchema,
  // v1: fewer IndexedDB indexes. v2: the optional `lostEdits` of every record that merges.
  // v3: indexes on the due date, all and by owner, for the record table (docs/adr/0031-record-table-queries.md).
  migrations: { 1: sameRecord, 2: sameRecord, 3: sameRecord },
  appendOnly: false,
  hardDeletable: false,
  accessKeys: { owner: 'ownerId', team: 'teamId' },
  permissions: {
    SDR: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    ACCOUNT_EXECUTIVE: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    SUPERVISOR: manage('team'),
    SALES_MANAGER: manage('all'),
  },
  checkWrite: (before, after) => checkActivityFields(after, before),
  timeFields: { stamped: ['completedAt'], typed: ['dueAt'] },
  governedFields: ['completedAt', 'dealId', 'leadId', 'contactId', 'companyId', 'scriptAnswers'],
};
