import { manage, sameRecord, type CollectionDefinition } from '../collection-definition';
import { activitySchema, type Activity } from '../schemas/activity';

export const activities: CollectionDefinition<'activities', Activity> = {
  name: 'activities',
  schema: activitySchema,
  // v1: fewer IndexedDB indexes. v2: the optional `lostEdits` of every record that merges.
  migrations: { 1: sameRecord, 2: sameRecord },
  appendOnly: false,
  hardDeletable: false,
  accessKeys: { owner: 'ownerId', team: 'teamId' },
  permissions: {
    SDR: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    ACCOUNT_EXECUTIVE: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    SUPERVISOR: manage('team'),
    SALES_MANAGER: manage('all'),
  },
  timeFields: { stamped: ['completedAt'], typed: ['dueAt'] },
  governedFields: ['completedAt', 'dealId', 'leadId', 'contactId', 'companyId', 'scriptAnswers'],
};
