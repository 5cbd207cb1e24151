import type { CollectionDocs, CollectionName } from '@domain/collections';
import {
  DEFAULT_PIPELINE_ID,
  DEFAULT_TEAM_ID,
  SETTING_IDS,
  defaultPipeline,
  defaultSettings,
} from '@domain/default-records';
import { ClockDriftError } from '@domain/hlc';
import { uuidv7 } from '@domain/ids';
import { accessKeysOf } from '@domain/permissions';
import { createRecord, editRecord, type EditContext } from '@domain/record-edits';
import type { Setting } from '@domain/schemas/setting';
import type { Locale, Role, UserProfile } from '@domain/schemas/user-profile';
import { HttpError } from '../http/api-error';
import type { RecordWrite, StoreTransaction } from '../store/store';
import type { AuthContext } from './auth-context';

/**
 * The server writes user profiles (and, for the first user, the workspace's default records) as
 * replicated records, through the same store transactions as a push: stamped with the server's
 * hybrid logical clock, valid against the domain schema, so devices pull and merge them like
 * any device's edits. The account (credentials) is written beside the record, not inside its
 * transaction, and undone when the record cannot be written: a credentials row without a
 * profile signs nobody in (login requires an active profile).
 */
export interface NewUser {
  name: string;
  /** Lower-cased. */
  email: string;
  role: Role;
  teamId: string;
  locale: Locale;
  passwordHash: string;
}

export type UserPatch = Partial<Pick<UserProfile, 'name' | 'role' | 'teamId' | 'active'>>;

/** Name of the server_secrets row that records who the first Sales Manager (the owner) is. */
export const OWNER_SECRET = 'owner-user-id';

function editContext(ctx: AuthContext, userId: string): EditContext {
  return { userId, hlc: ctx.clock.now(), now: new Date(ctx.recordNow()).toISOString() };
}

/** The stored form of a record the server made, checked like a pushed one. */
function toWrite<C extends CollectionName>(ctx: AuthContext, collection: C, body: CollectionDocs[C]): RecordWrite {
  const invalid = ctx.validator.validate(collection, body);
  if (invalid) throw new Error(`the server made an invalid ${collection} record: ${invalid}`);
  const keys = accessKeysOf(collection, body);
  const plain = body as unknown as Record<string, unknown>;
  return {
    collection,
    id: body.id,
    hlc: body.hlc,
    deleted: false,
    ownerId: keys.ownerId,
    teamId: keys.teamId,
    body: plain,
  };
}

/** Later server edits must sort after what devices wrote (the merge compares clocks). */
function absorb(ctx: AuthContext, hlc: string): void {
  try {
    ctx.clock.receive(hlc);
  } catch (error) {
    // A device clock far ahead: our edit then loses that merge, which is the drift rule's point.
    if (!(error instanceof ClockDriftError)) throw error;
  }
}

/** The same person always gets the same avatar colour. */
function avatarHueOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) >>> 0;
  return hash % 360;
}

function profileOf(ctx: AuthContext, id: string, user: NewUser, createdBy: string): UserProfile {
  return createRecord(
    'users',
    id,
    {
      name: user.name,
      email: user.email,
      role: user.role,
      teamId: user.teamId,
      active: true,
      locale: user.locale,
      avatarHue: avatarHueOf(id),
    },
    editContext(ctx, createdBy),
  );
}

/** Writes a credentials row, then `write`; undoes the row when `write` fails. */
async function withCredentials<T>(ctx: AuthContext, id: string, user: NewUser, write: () => Promise<T>): Promise<T> {
  const inserted = await ctx.store.auth.insertCredentials({
    userId: id,
    email: user.email,
    passwordHash: user.passwordHash,
    createdAt: new Date(ctx.recordNow()).toISOString(),
    lastSeenAt: null,
  });
  if (inserted === 'emailTaken') throw new HttpError(409, 'auth.emailTaken', 'another account uses this email');
  ctx.directory.invalidate();
  try {
    return await write();
  } catch (error) {
    await ctx.store.auth.deleteCredentials(id).catch(() => undefined);
    ctx.directory.invalidate();
    throw error;
  }
}

/**
 * The first Sales Manager, with the default pipeline and settings, in one transaction: every
 * device then starts from the same records (fixed ids, domain/default-records.ts). Only one
 * caller ever wins the owner claim, in this process or another; the others get null.
 */
export async function createOwner(
  ctx: AuthContext,
  user: Omit<NewUser, 'role' | 'teamId'>,
  teamName?: string,
): Promise<UserProfile | null> {
  const id = uuidv7(ctx.recordNow());
  if ((await ctx.store.auth.putSecretIfAbsent(OWNER_SECRET, id)) !== id) return null;
  try {
    return await withCredentials(ctx, id, { ...user, role: 'SALES_MANAGER', teamId: DEFAULT_TEAM_ID }, () =>
      ctx.store.transaction(async (tx) => {
        const profile = profileOf(ctx, id, { ...user, role: 'SALES_MANAGER', teamId: DEFAULT_TEAM_ID }, id);
        await tx.putRecords([toWrite(ctx, 'users', profile), ...(await missingDefaults(ctx, tx, teamName))]);
        return profile;
      }),
    );
  } catch (error) {
    await ctx.store.auth.deleteSecret(OWNER_SECRET, id).catch(() => undefined);
    throw error;
  }
}

/** The default pipeline and settings that are not stored yet (a database from before accounts may hold them). */
async function missingDefaults(ctx: AuthContext, tx: StoreTransaction, teamName?: string): Promise<RecordWrite[]> {
  const system = editContext(ctx, '');
  const writes: RecordWrite[] = [];
  if (!(await tx.getRecords('pipelines', [DEFAULT_PIPELINE_ID])).has(DEFAULT_PIPELINE_ID)) {
    const { id, ...body } = defaultPipeline();
    writes.push(toWrite(ctx, 'pipelines', createRecord('pipelines', id, body, system)));
  }
  const stored = await tx.getRecords('settings', Object.values(SETTING_IDS));
  const named = (items: Setting['items']) =>
    teamName ? items.map((item) => (item.key === DEFAULT_TEAM_ID ? { ...item, label: teamName } : item)) : items;
  for (const { id, ...body } of defaultSettings()) {
    const existing = stored.get(id);
    if (!existing) {
      const items = body.kind === 'teams' ? named(body.items) : body.items;
      writes.push(toWrite(ctx, 'settings', createRecord('settings', id, { ...body, items }, system)));
    } else if (body.kind === 'teams' && teamName && !existing.deleted) {
      const teams = existing.body as unknown as Setting;
      absorb(ctx, teams.hlc);
      const edited = editRecord('settings', teams, { items: named(teams.items) }, editContext(ctx, ''));
      if (edited) writes.push(toWrite(ctx, 'settings', edited));
    }
  }
  return writes;
}

/** Is `teamId` a team of the workspace (an item of the teams setting that is not retired)? */
async function teamExists(tx: Pick<StoreTransaction, 'getRecords'>, teamId: string): Promise<boolean> {
  const teams = (await tx.getRecords('settings', [SETTING_IDS.teams])).get(SETTING_IDS.teams);
  if (!teams || teams.deleted) return teamId === DEFAULT_TEAM_ID;
  return (teams.body as unknown as Setting).items.some((item) => item.key === teamId && !item.retired);
}

function unknownTeam(teamId: string): HttpError {
  return new HttpError(400, 'request.invalid', `invalid request: /teamId ${teamId} is not a team of this workspace`);
}

/** A user a Sales Manager adds: their profile record and account. */
export async function createUser(ctx: AuthContext, managerId: string, user: NewUser): Promise<UserProfile> {
  if (!(await teamExists(ctx.store, user.teamId))) throw unknownTeam(user.teamId);
  const id = uuidv7(ctx.recordNow());
  return withCredentials(ctx, id, user, () =>
    ctx.store.transaction(async (tx) => {
      const profile = profileOf(ctx, id, user, managerId);
      await tx.putRecords([toWrite(ctx, 'users', profile)]);
      return profile;
    }),
  );
}

/** A Sales Manager's change of name, role, team or status; read and written in one transaction. */
export async function updateUser(
  ctx: AuthContext,
  managerId: string,
  userId: string,
  patch: UserPatch,
): Promise<UserProfile> {
  return ctx.store.transaction(async (tx) => {
    const stored = (await tx.getRecords('users', [userId])).get(userId);
    if (!stored || stored.deleted) throw new HttpError(404, 'user.notFound', 'there is no such user');
    if (patch.teamId !== undefined && !(await teamExists(tx, patch.teamId))) throw unknownTeam(patch.teamId);
    const before = stored.body as unknown as UserProfile;
    absorb(ctx, before.hlc);
    const after = editRecord('users', before, patch, editContext(ctx, managerId));
    if (!after) return before;
    await tx.putRecords([toWrite(ctx, 'users', after)]);
    return after;
  });
}
