import { userNameKey, type ImportOwners, type ImportUser } from '@domain/csv-import';
import { emailKey } from '@domain/duplicates';
import type { Workspace } from './workspace';

/**
 * The users an import's owner column may name, by email or by a name only one of them has, and the importer as the permission rules
 * judge them (their team's members, for a supervisor's reach): read once per preview or import.
 */
export async function readImportOwners(ws: Workspace): Promise<ImportOwners> {
  const userDocs = await ws.db.users.find({ selector: { deletedAt: null } }).exec();
  const users = new Map<string, ImportUser>();
  // A name two users share names neither: the row is refused rather than given to a guess.
  const byName = new Map<string, ImportUser | null>();
  const teamMemberIds = [ws.user.id];
  for (const doc of userDocs) {
    const user = doc.toJSON();
    const key = emailKey(user.email);
    const found = { id: user.id, teamId: user.teamId, active: user.active };
    if (key) users.set(key, found);
    const nameKey = userNameKey(user.name);
    if (nameKey) byName.set(nameKey, byName.has(nameKey) ? null : found);
    if (ws.user.teamId && user.teamId === ws.user.teamId && user.id !== ws.user.id) teamMemberIds.push(user.id);
  }
  return {
    userByEmail: (key) => users.get(key),
    userByName: (key) => byName.get(key) ?? undefined,
    actor: { id: ws.user.id, role: ws.user.role, teamId: ws.user.teamId, teamMemberIds },
  };
}
