import { sameRecord, type CollectionDefinition } from '../collection-definition';
import { savedViewSchema, type SavedView } from '../schemas/saved-view';

export const savedViews: CollectionDefinition<'saved_views', SavedView> = {
  name: 'saved_views',
  schema: savedViewSchema,
  migrations: { 1: sameRecord },
  appendOnly: false,
  // A view is its user's own arrangement of a screen: removed, not archived.
  hardDeletable: true,
  accessKeys: { owner: 'userId', team: 'sharedWithTeamId' },
  permissions: {
    SDR: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    ACCOUNT_EXECUTIVE: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    SUPERVISOR: { read: 'team', create: 'team', update: 'own', delete: 'own' },
    SALES_MANAGER: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  },
  governedFields: ['userId', 'sharedWithTeamId'],
};
