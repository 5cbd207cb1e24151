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
    // Reps read their own views and those shared with their team, never a colleague's private one.
    SDR: { read: 'ownOrShared', create: 'own', update: 'own', delete: 'own' },
    ACCOUNT_EXECUTIVE: { read: 'ownOrShared', create: 'own', update: 'own', delete: 'own' },
    // Sharing a view with a team (or taking it back) is a change of its team: `reassign`, which
    // only the roles that lead a team hold. A supervisor changes only their own views (`update`),
    // so their `team` reach matters for a view they create for a teammate, already shared.
    SUPERVISOR: { read: 'team', create: 'team', update: 'own', delete: 'own', reassign: 'team' },
    SALES_MANAGER: { read: 'all', create: 'all', update: 'all', delete: 'all', reassign: 'all' },
  },
  // A view made already shared needs the same right as sharing one later.
  extraPermissions: (before, after) =>
    after.sharedWithTeamId !== '' && before === null
      ? [{ action: 'reassign', why: 'your role may not share a view with a team' }]
      : [],
  governedFields: ['userId', 'sharedWithTeamId'],
};
