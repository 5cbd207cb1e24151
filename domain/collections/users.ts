import { canonicalJson } from '../canonical-json';
import { READ_EVERYTHING, sameRecord, type CollectionDefinition } from '../collection-definition';
import { checkKeyBindings } from '../key-bindings';
import { userProfileSchema, type UserProfile } from '../schemas/user-profile';

/** Profile fields a user may change on their own profile; role, team and status are the manager's. */
const OWN_PROFILE_FIELDS = new Set(['name', 'locale', 'avatarHue', 'keyBindings']);

/** Whether a write changes the profile's key bindings (absent and empty say the same: none). */
function keyBindingsChanged(before: UserProfile | null, after: UserProfile): boolean {
  return canonicalJson(before?.keyBindings ?? []) !== canonicalJson(after.keyBindings ?? []);
}

export const users: CollectionDefinition<'users', UserProfile> = {
  name: 'users',
  schema: userProfileSchema,
  // Version 2 adds the optional `keyBindings`: stored profiles are valid as they are.
  migrations: { 1: sameRecord, 2: sameRecord },
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
    // Key bindings are how one person types: nobody else sets them, a manager included.
    if (after.id !== actor.id && keyBindingsChanged(before, after)) {
      return [denied(before ? 'update' : 'create', 'only its user changes a profile’s key bindings')];
    }
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
      return [denied('update', 'you may change only your own name, language, colour and key bindings')];
    }
    return [];
  },
  checkWrite(before, after) {
    // Judged only when they change, so a profile stored before a rule stays editable (ADR 0021).
    return after.keyBindings && keyBindingsChanged(before, after) ? checkKeyBindings(after.keyBindings) : [];
  },
  governedFields: ['role', 'teamId', 'active', 'email'],
};
