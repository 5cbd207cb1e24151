import { READ_EVERYTHING, sameRecord, type CollectionDefinition } from '../collection-definition';
import { userProfileSchema, type UserProfile } from '../schemas/user-profile';

/** Profile fields a user may change on their own profile; role, team and status are the manager's. */
const OWN_PROFILE_FIELDS = new Set(['name', 'locale', 'avatarHue']);

export const users: CollectionDefinition<'users', UserProfile> = {
  name: 'users',
  schema: userProfileSchema,
  migrations: { 1: sameRecord },
  appendOnly: false,
  hardDeletable: false,
  // A profile is its user's own: themselves and their team.
  accessKeys: { owner: 'id', team: 'teamId' },
  permissions: {
    SDR: READ_EVERYTHING,
    ACCOUNT_EXECUTIVE: READ_EVERYTHING,
    SUPERVISOR: READ_EVERYTHING,
    SALES_MANAGER: { read: 'all', update: 'all' },
  },
  authorize(actor, before, after, denied) {
    const own = before !== null && before.id === actor.id;
    if (actor.role === 'SALES_MANAGER') {
      // A workspace must keep a manager: nobody demotes, deactivates or archives themselves.
      if (
        own &&
        (before.role !== after.role || before.active !== after.active || (!before.deletedAt && !!after.deletedAt))
      ) {
        return [denied('update', 'you cannot demote, deactivate or archive yourself')];
      }
      return [];
    }
    if (!before) return [denied('create', 'only a sales manager adds users')];
    const changed = Object.keys(after).filter(
      (k) =>
        !['updatedAt', 'updatedBy', 'hlc', 'clocks'].includes(k) &&
        JSON.stringify((before as never)[k]) !== JSON.stringify((after as never)[k]),
    );
    if (!own || changed.some((k) => !OWN_PROFILE_FIELDS.has(k))) {
      return [denied('update', 'you may change only your own name, language and colour')];
    }
    return [];
  },
  governedFields: ['role', 'teamId', 'active', 'email'],
};
