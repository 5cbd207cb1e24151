import type { CollectionDocs, CollectionName } from './collections';
import { domainError, type DomainError } from './errors';
import type { Role } from './schemas/user-profile';

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
 * - `none`: nothing.
 */
export type Reach = 'all' | 'team' | 'own' | 'ownOrUnassigned' | 'none';

type Table = { readonly [C in CollectionName]: { readonly [A in Action]?: Reach } };

const readEverything: Table[CollectionName] = { read: 'all' };
const manage = (reach: Reach): Table[CollectionName] => ({
  read: reach,
  create: reach,
  update: reach,
  delete: reach,
  reassign: reach,
  convert: reach,
  close: reach,
});

/**
 * The role × collection × action table (docs/security.md). The server enforces it on every pull
 * and push; the UI reads it to hide what a user cannot do. Anything not listed is denied.
 */
export const PERMISSIONS: { readonly [R in Role]: Table } = {
  SDR: {
    // Leads are the SDR's work: their own and the unassigned queue. Converting hands the deal
    // and contact to an account executive of the team, so SDRs create those team-wide.
    leads: {
      read: 'ownOrUnassigned',
      create: 'ownOrUnassigned',
      update: 'ownOrUnassigned',
      delete: 'own',
      reassign: 'ownOrUnassigned',
      convert: 'ownOrUnassigned',
    },
    contacts: { read: 'own', create: 'team', update: 'own' },
    companies: { read: 'team', create: 'team', update: 'own' },
    deals: { read: 'own', create: 'team' },
    activities: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    stage_changes: { read: 'own', create: 'team' },
    pipelines: readEverything,
    settings: readEverything,
    users: readEverything,
    saved_views: { read: 'own', create: 'own', update: 'own', delete: 'own' },
  },
  ACCOUNT_EXECUTIVE: {
    leads: { read: 'own', create: 'own', update: 'own', delete: 'own', convert: 'own' },
    contacts: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    companies: { read: 'team', create: 'team', update: 'team', delete: 'own' },
    deals: { read: 'own', create: 'own', update: 'own', delete: 'own', close: 'own' },
    activities: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    stage_changes: { read: 'own', create: 'own' },
    pipelines: readEverything,
    settings: readEverything,
    users: readEverything,
    saved_views: { read: 'own', create: 'own', update: 'own', delete: 'own' },
  },
  SUPERVISOR: {
    leads: manage('team'),
    contacts: manage('team'),
    companies: manage('team'),
    deals: manage('team'),
    activities: manage('team'),
    stage_changes: { read: 'team', create: 'team' },
    pipelines: readEverything,
    settings: readEverything,
    users: readEverything,
    saved_views: { read: 'team', create: 'team', update: 'own', delete: 'own' },
  },
  SALES_MANAGER: {
    leads: manage('all'),
    contacts: manage('all'),
    companies: manage('all'),
    deals: manage('all'),
    activities: manage('all'),
    stage_changes: { read: 'all', create: 'all' },
    pipelines: manage('all'),
    settings: manage('all'),
    users: { read: 'all', update: 'all' },
    saved_views: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  },
};

/** Owner and team of a record, as access sees them (saved views: their user and shared team). */
export interface AccessKeys {
  ownerId: string;
  teamId: string;
}

export function accessKeysOf(collection: CollectionName, record: object): AccessKeys {
  const r = record as Record<string, unknown>;
  const text = (key: string) => (typeof r[key] === 'string' ? (r[key] as string) : '');
  if (collection === 'saved_views') return { ownerId: text('userId'), teamId: text('sharedWithTeamId') };
  if (collection === 'users') return { ownerId: text('id'), teamId: text('teamId') };
  return { ownerId: text('ownerId'), teamId: text('teamId') };
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
    case 'none':
      return false;
  }
}

/** May the actor do `action` to this record (or, for create, to a record like this)? */
export function can(actor: Actor, action: Action, collection: CollectionName, record: object): boolean {
  return reaches(actor, reachOf(actor, collection, action), accessKeysOf(collection, record));
}

/** Profile fields a user may change on their own profile; role, team and status are the manager's. */
const OWN_PROFILE_FIELDS = new Set(['name', 'locale', 'avatarHue']);

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

  if (collection === 'users') {
    const own = before !== null && (before as { id: string }).id === actor.id;
    if (actor.role === 'SALES_MANAGER') {
      // A workspace must keep a manager: nobody demotes, deactivates or archives themselves.
      const b = before as CollectionDocs['users'] | null;
      const a = after as CollectionDocs['users'];
      if (own && b && (b.role !== a.role || b.active !== a.active || (!b.deletedAt && !!a.deletedAt))) {
        return [denied('update', collection, 'you cannot demote, deactivate or archive yourself')];
      }
      return [];
    }
    if (!before) return [denied('create', collection, 'only a sales manager adds users')];
    const changed = Object.keys(after).filter(
      (k) =>
        !['updatedAt', 'updatedBy', 'hlc', 'clocks'].includes(k) &&
        JSON.stringify((before as never)[k]) !== JSON.stringify((after as never)[k]),
    );
    if (!own || changed.some((k) => !OWN_PROFILE_FIELDS.has(k))) {
      return [denied('update', collection, 'you may change only your own name, language and colour')];
    }
    return [];
  }

  if (!before) {
    check('create', after, 'outside what your role may create');
    if (collection === 'leads' && (after as CollectionDocs['leads']).status === 'CONVERTED') {
      check('convert', after, 'your role may not convert this lead');
    }
    if (collection === 'deals' && (after as CollectionDocs['deals']).status !== 'OPEN') {
      check('close', after, 'your role may not close deals');
    }
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
  if (collection === 'leads') {
    const b = before as CollectionDocs['leads'];
    const a = after as CollectionDocs['leads'];
    if (b.status !== 'CONVERTED' && a.status === 'CONVERTED')
      check('convert', before, 'your role may not convert this lead');
  }
  if (collection === 'deals') {
    const b = before as CollectionDocs['deals'];
    const a = after as CollectionDocs['deals'];
    if (b.status !== a.status) check('close', before, 'your role may not close or reopen this deal');
  }
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
