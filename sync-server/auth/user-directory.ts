import { scopeKeyOf } from '@domain/permissions';
import type { UserProfile } from '@domain/schemas/user-profile';
import type { Credentials } from '../store/auth-store';
import type { Store } from '../store/store';
import type { ServerActor } from './request-actor';

/** Every user profile and every account, as the store held them at one moment. */
export interface DirectorySnapshot {
  profiles: ReadonlyMap<string, UserProfile>;
  credentials: ReadonlyMap<string, Credentials>;
}

export interface UserDirectory {
  /**
   * The current snapshot: checked after any commit, of this process or of another instance, and
   * reloaded when a profile changed.
   */
  snapshot(): Promise<DirectorySnapshot>;
  /**
   * The snapshot and one user's profile in it. A user the snapshot does not know was perhaps
   * created on another instance a moment ago, before its commit was announced here: read again once.
   */
  find(userId: string): Promise<{ snapshot: DirectorySnapshot; profile: UserProfile | undefined }>;
  /** Forget the snapshot (after a write to the auth tables, which commits no record). */
  invalidate(): void;
  close(): void;
}

const PAGE = 1000;
/**
 * Accounts are reread at most this long after they were last read, at the next request: a
 * password change on another instance writes no record, so no commit announces it, and the token
 * version it counted up must end old access tokens here too, within a second.
 */
export const ACCOUNTS_RECHECK_MS = 1_000;

/** A snapshot and the store position up to which its users were read. */
interface Loaded {
  snapshot: DirectorySnapshot;
  /** The pull checkpoint after the last users page: every later change of a profile lies beyond it. */
  usersCheckpoint: number;
}

/** What of an account the directory's users act on: a change of any of it needs a new snapshot. */
function accountKey(c: Credentials): string {
  return `${c.userId}\u0000${c.email}\u0000${c.tokenVersion}`;
}

/**
 * Users are read on every authenticated request (is this user still active? who is in their
 * team?). A team has tens of users, so the whole directory is kept in memory. Every commit of the
 * store — store.onCommitted also hears other PostgreSQL instances — makes the next request check,
 * with one pull of `users` after the snapshot's checkpoint, whether a profile changed; any change
 * reloads everything, so a deactivation made anywhere takes effect at the user's next request.
 * Most commits write other records (a push of contacts): the check then finds nothing, and the
 * snapshot is kept instead of being rebuilt with every profile and account at every push.
 *
 * Accounts (server-only rows) change without a record commit in this process (invalidate()
 * reloads), beside a `users` record (a new account is followed by its profile, and an account is
 * only ever removed when its profile could not be written), or — a password change on another
 * instance — with no commit at all: the accounts are therefore also reread at the first request
 * ACCOUNTS_RECHECK_MS after they were last read, one small query, and the snapshot is replaced
 * only when an account's id, email or token version differs.
 */
export function createUserDirectory(store: Store, options: { now?: () => number } = {}): UserDirectory {
  const now = options.now ?? Date.now;
  // Bumped by every commit: a snapshot of an older generation must be checked before it is used.
  let generation = 0;
  let cached: { generation: number; loading: Promise<Loaded>; accountsDue: number } | null = null;
  const stop = store.onCommitted(() => void generation++);

  const load = async (): Promise<Loaded> => {
    const profiles = new Map<string, UserProfile>();
    let after = 0;
    for (;;) {
      const page = await store.pull('users', after, PAGE, { kind: 'all' });
      for (const record of page.records) {
        if (record.deleted) profiles.delete(record.id);
        else profiles.set(record.id, record.body as unknown as UserProfile);
      }
      after = page.checkpoint;
      if (page.records.length < PAGE) break;
    }
    const credentials = new Map((await store.auth.listCredentials()).map((c) => [c.userId, c]));
    return { snapshot: { profiles, credentials }, usersCheckpoint: after };
  };

  /** The previous snapshot if no profile changed since it was read, else a fresh one. */
  const revalidate = async (previous: Promise<Loaded>): Promise<Loaded> => {
    const loaded = await previous;
    const page = await store.pull('users', loaded.usersCheckpoint, 1, { kind: 'all' });
    return page.records.length === 0 ? { ...loaded, usersCheckpoint: page.checkpoint } : load();
  };

  /** The previous snapshot if no account changed in what the directory uses, else one with the new accounts. */
  const recheckAccounts = async (previous: Promise<Loaded>): Promise<Loaded> => {
    const loaded = await previous;
    const accounts = await store.auth.listCredentials();
    const known = loaded.snapshot.credentials;
    const same =
      accounts.length === known.size &&
      accounts.every((c) => {
        const had = known.get(c.userId);
        return had !== undefined && accountKey(had) === accountKey(c);
      });
    if (same) return loaded;
    const credentials = new Map(accounts.map((c) => [c.userId, c]));
    return { ...loaded, snapshot: { profiles: loaded.snapshot.profiles, credentials } };
  };

  const directory: UserDirectory = {
    async find(userId) {
      let snapshot = await directory.snapshot();
      if (!snapshot.profiles.has(userId) || !snapshot.credentials.has(userId)) {
        directory.invalidate();
        snapshot = await directory.snapshot();
      }
      return { snapshot, profile: snapshot.profiles.get(userId) };
    },
    async snapshot() {
      let next: { loading: Promise<Loaded>; accountsDue: number } | null = null;
      if (!cached) next = { loading: load(), accountsDue: now() + ACCOUNTS_RECHECK_MS };
      // A check after a commit rereads no account: the next recheck stays due when it was.
      else if (cached.generation !== generation) {
        next = { loading: revalidate(cached.loading), accountsDue: cached.accountsDue };
      } else if (now() >= cached.accountsDue) {
        next = { loading: recheckAccounts(cached.loading), accountsDue: now() + ACCOUNTS_RECHECK_MS };
      }
      if (next) {
        const entry = { generation, ...next };
        cached = entry;
        // A failed load must not stay cached: the next request loads afresh.
        entry.loading.catch(() => {
          if (cached === entry) cached = null;
        });
      }
      return (await cached!.loading).snapshot;
    },
    invalidate() {
      cached = null;
    },
    close: stop,
  };
  return directory;
}

/** Signed in and allowed in: a profile that is active and not archived, with an account. */
export function isActiveUser(profile: UserProfile | undefined): profile is UserProfile {
  return !!profile && profile.active && !profile.deletedAt;
}

/**
 * Actors already worked out, per snapshot (a snapshot is never changed: a new one replaces it when
 * a user record changes) and per profile object: every request needs its actor, and working it out
 * walks every profile and hashes the user's scope.
 */
const actorsBySnapshot = new WeakMap<DirectorySnapshot, WeakMap<UserProfile, ServerActor>>();

/** The user as permissions see them now: role and team from the profile, the team's active members. */
export function serverActorOf(snapshot: DirectorySnapshot, profile: UserProfile): ServerActor {
  let actors = actorsBySnapshot.get(snapshot);
  if (!actors) actorsBySnapshot.set(snapshot, (actors = new WeakMap()));
  let actor = actors.get(profile);
  if (!actor) actors.set(profile, (actor = actorOf(snapshot, profile)));
  return actor;
}

function actorOf(snapshot: DirectorySnapshot, profile: UserProfile): ServerActor {
  const teamMemberIds = profile.teamId
    ? [...snapshot.profiles.values()]
        .filter((p) => isActiveUser(p) && p.teamId === profile.teamId)
        .map((p) => p.id)
        .sort()
    : [profile.id];
  if (!teamMemberIds.includes(profile.id)) teamMemberIds.push(profile.id);
  const actor = { id: profile.id, role: profile.role, teamId: profile.teamId, teamMemberIds };
  // Shared by every request of this user until the snapshot changes: never to be changed.
  Object.freeze(teamMemberIds);
  return Object.freeze({
    ...actor,
    name: profile.name,
    email: snapshot.credentials.get(profile.id)?.email ?? profile.email,
    scopeKey: scopeKeyOf(actor),
  });
}
