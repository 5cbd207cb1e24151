import { AUTH_LIMITS, type SessionGrant, type SessionUser } from '@domain/auth-protocol';
import type { UserProfile } from '@domain/schemas/user-profile';
import { signAccessToken } from './access-token';
import type { AuthContext } from './auth-context';
import { sealSuccessor } from './refresh-successor';
import { issueRefreshToken } from './refresh-token';
import { serverActorOf } from './user-directory';

const DAY_MS = 86_400_000;

export function sessionUserOf(profile: UserProfile, email: string): SessionUser {
  return { id: profile.id, name: profile.name, email, role: profile.role, teamId: profile.teamId };
}

/**
 * A new session for a signed-in user: a short-lived access token and a refresh token whose
 * hash is stored. `replacing` is the refresh token traded in (rotation): its row keeps the new
 * token sealed under its own secret (refresh-successor.ts). False when someone traded it in
 * first; the caller decides whether that is a harmless race or a replay.
 */
export async function issueSession(
  ctx: AuthContext,
  profile: UserProfile,
  deviceName: string,
  replacing?: { id: string; secret: string },
): Promise<SessionGrant | false> {
  const now = ctx.tokenNow();
  const at = new Date(now).toISOString();
  const refresh = issueRefreshToken();
  const refreshExpires = new Date(now + AUTH_LIMITS.refreshTokenDays * DAY_MS).toISOString();
  const row = {
    id: refresh.id,
    userId: profile.id,
    secretHash: refresh.hash,
    expiresAt: refreshExpires,
    revokedAt: null,
    deviceName: deviceName.slice(0, 100),
    createdAt: at,
    replacedBy: null,
    successorSealed: null,
  };
  if (replacing === undefined) await ctx.store.auth.insertRefreshToken(row);
  else {
    const sealed = sealSuccessor(replacing.secret, replacing.id, refresh.token);
    if (!(await ctx.store.auth.rotateRefreshToken(replacing.id, row, at, sealed))) return false;
  }
  await ctx.store.auth.touchLastSeen(profile.id, at);
  return grantWith(ctx, profile, now, refresh.token, refreshExpires);
}

/**
 * The grant for a refresh token that already exists: a fresh access token beside it. Used when a
 * just-rotated token comes back within the grace window and receives its successor again.
 */
export async function regrantSession(
  ctx: AuthContext,
  profile: UserProfile,
  refreshToken: string,
  refreshExpires: string,
): Promise<SessionGrant> {
  const now = ctx.tokenNow();
  await ctx.store.auth.touchLastSeen(profile.id, new Date(now).toISOString());
  return grantWith(ctx, profile, now, refreshToken, refreshExpires);
}

async function grantWith(
  ctx: AuthContext,
  profile: UserProfile,
  now: number,
  refreshToken: string,
  refreshExpires: string,
): Promise<SessionGrant> {
  const snapshot = await ctx.directory.snapshot();
  const actor = serverActorOf(snapshot, profile);
  // Read from the store, not the directory: another instance's copy of the accounts may be a
  // moment behind a password change, and a token issued with that older version would die at once.
  const account = await ctx.store.auth.credentialsById(profile.id);
  const ttlMs = AUTH_LIMITS.accessTokenSeconds * 1000;
  // The claims are informative only: the authentication hook reloads role and team every request,
  // and refuses the token once the account's token version moved past `ver`.
  const accessToken = await signAccessToken(
    {
      sub: profile.id,
      role: profile.role,
      team: profile.teamId,
      ver: account?.tokenVersion ?? 0,
    },
    await ctx.signingKeys.current(),
    now,
    ttlMs,
  );
  return {
    user: sessionUserOf(profile, actor.email),
    accessToken,
    accessTokenExpiresAt: new Date(Math.floor(now / 1000) * 1000 + ttlMs).toISOString(),
    refreshToken,
    refreshTokenExpiresAt: refreshExpires,
    scopeKey: actor.scopeKey,
  };
}
