import { useMemo } from 'react';
import type { CollectionName } from '@domain/collections';
import { can, type Action, type Actor } from '@domain/permissions';
import { useRxQuery } from '../db/use-rx';
import { useWorkspace } from '../db/workspace-context';

/**
 * The signed-in user as domain/permissions sees them. Team members come from the replicated
 * users collection; until it has synced the list holds only the user, which errs on hiding.
 */
export function useActor(): Actor {
  const { user } = useWorkspace();
  const { docs } = useRxQuery('users', user.teamId ? { selector: { teamId: user.teamId, deletedAt: null } } : null);
  const memberKey = docs
    .map((u) => u.id)
    .sort()
    .join(',');
  return useMemo(
    () => ({
      id: user.id,
      role: user.role,
      teamId: user.teamId,
      teamMemberIds: [...new Set([user.id, ...(memberKey ? memberKey.split(',') : [])])],
    }),
    [user.id, user.role, user.teamId, memberKey],
  );
}

/**
 * May the signed-in user do this? The UI hides what the rules deny; the server enforces the same
 * table (domain/permissions.ts), so hiding is a courtesy, never the protection.
 */
export function useCan(): (action: Action, collection: CollectionName, record?: object) => boolean {
  const actor = useActor();
  // A record-less question ("may I create deals at all?") is asked about a record of one's own.
  return useMemo(
    () => (action, collection, record) =>
      can(
        actor,
        action,
        collection,
        record ?? { ownerId: actor.id, teamId: actor.teamId, id: actor.id, userId: actor.id },
      ),
    [actor],
  );
}

/** Managing users, pipelines and settings: the Sales Manager's (PERMISSIONS gives no one else update on users). */
export function useIsWorkspaceAdmin(): boolean {
  const allowed = useCan();
  return allowed('update', 'users', { id: '', teamId: '' });
}
