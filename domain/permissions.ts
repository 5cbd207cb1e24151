import { COLLECTION_DEFINITIONS, definitionOf, type CollectionDocs, type CollectionName } from './collections';
import { domainError, type DomainError } from './errors';
import { ROLES, type Role } from './schemas/user-profile';

/** Who is acting: the signed-in user as the server knows them. */
export interface Actor {
  id: string;
  role: Role;
  teamId: string;
  /**
   * Everyone currently in the actor's team (the actor included). `team` reach covers records they
   * own as well as records marked with the team, so moving a rep to another team moves what the
   * supervisors see. Empty when unknown (the UI before the users collection has synced).
   */
  teamMemberIds: readonly string[];
}

export type Action = 'read' | 'create' | 'update' | 'delete' | 'reassign' | 'convert' | 'close';

/**
 * Which records of a collection an action reaches:
 * - `all`: every record;
 * - `team`: the actor's team's records and the actor's own;
 * - `own`: records the actor owns;
 * - `ownOrUnassigned`: the actor's own and records nobody owns yet (the SDR's lead queue);
 * - `ownOrShared`: the actor's own and records marked with the actor's team, but not a teammate's
 *   unmarked ones (a saved view the team lead shared, while a colleague's private views stay theirs);
 * - `none`: nothing.
 */
export type Reach = 'all' | 'team' | 'own' | 'ownOrUnassigned' | 'ownOrShared' | 'none';

type Table = { readonly [C in CollectionName]: { readonly [A in Action]?: Reach } };

/**
 * The role × collection × action table (docs/security.md), gathered from each collection's
 * definition (`permissions`). The server enforces it on every pull and push; the UI reads it to
 * hide what a user cannot do. Anything not listed is denied.
 */
export const PERMISSIONS = Object.fromEntries(
  ROLES.map((role) => [role, Object.fromEntries(COLLECTION_DEFINITIONS.map((d) => [d.name, d.permissions[role]]))]),
) as { readonly [R in Role]: Table };

/** Owner and team of a record, as access sees them (saved views: their user and shared team). */
export interface AccessKeys {
  ownerId: string;
  teamId: string;
}

/** Read through the collection's definition (`accessKeys`): '' where the record has none. */
export function accessKeysOf(collection: CollectionName, record: object): AccessKeys {
  const r = record as Record<string, unknown>;
  const text = (key: string | null) => (key !== null && typeof r[key] === 'string' ? (r[key] as string) : '');
  const { owner, team } = definitionOf(collection).accessKeys;
  return { ownerId: text(owner), teamId: text(team) };
}

export function reachOf(actor: Actor, collection: CollectionName, action: Action): Reach {
  return PERMISSIONS[actor.role][collection][action] ?? 'none';
}

export function reaches(actor: Actor, reach: Reach, keys: AccessKeys): boolean {
  switch (reach) {
    case 'all':
      return true;
    case 'team':
      return (
        keys.ownerId === actor.id ||
        (keys.ownerId !== '' && actor.teamMemberIds.includes(keys.ownerId)) ||
        (keys.teamId !== '' && keys.teamId === actor.teamId)
      );
    case 'own':
      return keys.ownerId === actor.id;
    case 'ownOrUnassigned':
      return keys.ownerId === actor.id || keys.ownerId === '';
    case 'ownOrShared':
      return keys.ownerId === actor.id || (keys.teamId !== '' && keys.teamId === actor.teamId);
    case 'none':
      return false;
  }
}

/** May the actor do `action` to this record (or, for create, to a record like this)? */
export function can(actor: Actor, action: Action, collection: CollectionName, record: object): boolean {
  return reaches(actor, reachOf(actor, collection, action), accessKeysOf(collection, record));
}

function denied(action: Action, collection: CollectionName, why: string): DomainError {
  return domainError('permission.denied', `you may not ${action} this ${collection} record: ${why}`, {
    action,
    collection,
  });
}

/**
 * Every permission a write needs, from the stored record (`before`, null for a new one) to the
 * pushed one. A soft delete is `delete`, a change of owner or team is `reassign`, a lead becoming
 * CONVERTED is `convert`, a deal entering or leaving WON/LOST is `close`; any write needs `update`
 * (or `create`) too. The new state must also stay within what the actor may create, so nobody hands
 * themselves a record they could not see.
 */
export function authorizeWrite<C extends CollectionName>(
  actor: Actor,
  collection: C,
  before: CollectionDocs[C] | null,
  after: CollectionDocs[C],
): DomainError[] {
  const errors: DomainError[] = [];
  const check = (action: Action, record: object, why: string) => {
    if (!can(actor, action, collection, record)) errors.push(denied(action, collection, why));
  };

  const definition = definitionOf(collection);
  if (definition.authorize) {
    return [...definition.authorize(actor, before, after, (action, why) => denied(action, collection, why))];
  }
  const extra = definition.extraPermissions?.(before, after) ?? [];

  if (!before) {
    check('create', after, 'outside what your role may create');
    for (const { action, why } of extra) check(action, after, why);
    return errors;
  }

  const was = accessKeysOf(collection, before);
  const now = accessKeysOf(collection, after);
  const softDeleted = !(before as { deletedAt: unknown }).deletedAt && !!(after as { deletedAt: unknown }).deletedAt;
  check(softDeleted ? 'delete' : 'update', before, 'it is not yours to change');
  if (was.ownerId !== now.ownerId || was.teamId !== now.teamId) {
    const errorsBefore = errors.length;
    check('reassign', before, 'your role may not reassign it');
    if (errors.length === errorsBefore) check('create', after, 'you may not hand it to that owner or team');
  } else {
    check(softDeleted ? 'delete' : 'update', after, 'outside what your role may change');
  }
  for (const { action, why } of extra) check(action, before, why);
  return errors;
}

/**
 * What an actor may pull of one collection, as a filter a store can apply inside its query:
 * everything, or records owned by one of `ownerIds`, marked with one of `teamIds`, or (when
 * `unowned`) owned by nobody.
 */
export type ReadFilter =
  { kind: 'all' } | { kind: 'some'; ownerIds: readonly string[]; teamIds: readonly string[]; unowned: boolean };

export function readFilterOf(actor: Actor, collection: CollectionName): ReadFilter {
  const reach = reachOf(actor, collection, 'read');
  switch (reach) {
    case 'all':
      return { kind: 'all' };
    case 'team':
      return {
        kind: 'some',
        ownerIds: [...new Set([actor.id, ...actor.teamMemberIds])].sort(),
        teamIds: actor.teamId ? [actor.teamId] : [],
        unowned: false,
      };
    case 'own':
      return { kind: 'some', ownerIds: [actor.id], teamIds: [], unowned: false };
    case 'ownOrUnassigned':
      return { kind: 'some', ownerIds: [actor.id], teamIds: [], unowned: true };
    case 'ownOrShared':
      return { kind: 'some', ownerIds: [actor.id], teamIds: actor.teamId ? [actor.teamId] : [], unowned: false };
    case 'none':
      return { kind: 'some', ownerIds: [], teamIds: [], unowned: false };
  }
}

/**
 * A fingerprint of everything an actor may read. Two actors with the same key see the same
 * records; when a user's key changes (new role, new team, a colleague joined or left the team) the
 * device resyncs, because records that entered their sight may be older than its checkpoints.
 */
export function scopeKeyOf(actor: Actor): string {
  const parts = [actor.role, actor.id];
  for (const collection of Object.keys(PERMISSIONS[actor.role]).sort() as CollectionName[]) {
    const filter = readFilterOf(actor, collection);
    parts.push(
      filter.kind === 'all'
        ? `${collection}:all`
        : `${collection}:${filter.ownerIds.join(',')}|${filter.teamIds.join(',')}|${filter.unowned ? 1 : 0}`,
    );
  }
  // FNV-1a, 2×32 bits: short, stable, no crypto needed (it is compared, never trusted).
  const text = parts.join(';');
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ text.charCodeAt(text.length - 1 - i), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
