import { searchKey } from '../derived-fields';
import { emailKey } from '../duplicates';
import { can, type Actor } from '../permissions';
import type { ImportableCollection } from './importable-fields';

/** A user an imported record may name as its owner, found by email. */
export interface ImportUser {
  id: string;
  teamId: string;
  active: boolean;
}

/** Who may own what a file imports: the workspace's users by email, and the importer. */
export interface ImportOwners {
  /** By emailKey() of the address. */
  userByEmail(key: string): ImportUser | undefined;
  /**
   * By userNameKey() of the name, when one user of the workspace has it: other CRMs export an owner
   * by name ("Contact owner: Jane Doe"). Absent where only emails are known.
   */
  userByName?(key: string): ImportUser | undefined;
  /** The importing user as domain/permissions judges them. */
  actor: Actor;
}

/** Why an owner cell is refused; the wizard translates the code. */
export type OwnerProblem = 'ownerNotFound' | 'ownerNotAllowed';

/** A user's name as an owner cell is compared with it: without case, accents or extra spaces. */
export const userNameKey = (name: string) => searchKey(name).replace(/\s+/g, ' ').trim();

/**
 * The owner and team a row's owner cell names (an active user, by email, or by a name only one
 * user has), or why it names none. The record is the importer's unless the row names someone.
 */
export function resolveOwnerCell(
  cell: string,
  owners: ImportOwners,
): { ok: true; ownerId: string; teamId: string } | { ok: false; problem: OwnerProblem } {
  const byEmail = cell.includes('@');
  const key = byEmail ? emailKey(cell) : userNameKey(cell);
  const user = !key ? undefined : byEmail ? owners.userByEmail(key) : owners.userByName?.(key);
  if (!user || !user.active) return { ok: false, problem: 'ownerNotFound' };
  return { ok: true, ownerId: user.id, teamId: user.teamId };
}

/**
 * Whether the importer may create this record for the owner the row named: an account executive
 * creates contacts of their own, a supervisor their team's (the table the server judges the push
 * with, domain/permissions.ts).
 */
export function mayCreateFor(collection: ImportableCollection, record: object, owners: ImportOwners): boolean {
  return can(owners.actor, 'create', collection, record);
}
