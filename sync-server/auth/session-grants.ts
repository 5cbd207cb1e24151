import { AUTH_LIMITS, type SessionGrant, type SessionUser } from '@domain/auth-protocol';
import type { UserProfile } from '@domain/schemas/user-profile';
import { signAccessToken } from './access-token';
import type { AuthContext } from './auth-context';
import { issueRefreshToken } from './refresh-token';
import { serverActorOf } from './user-directory';

const DAY_MS = 86_400_000;

export function sessionUserOf(profile: UserProfile, email: string): SessionUser {
  return { id: profile.id, name: profile.name, email, role: profile.role, teamId: profile.teamId };
}

/**
 * A new session for a signed-in user: a short-lived access token and a refresh token whose
 * hash is stored. `replacing` is the refresh token traded in (rotation); false when someone
 * traded it in first, which the caller treats as a replay.
 */
export async function issueSession(
  ctx: AuthContext,
  profile: UserProfile,
  deviceName: string,
  replacing?: string,
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
  };
  if (replacing === undefined) await ctx.store.auth.insertRefreshToken(row);
  else if (!(await ctx.store.auth.rotateRefreshToken(replacing, row, at))) return false;
  await ctx.store.auth.touchLastSeen(profile.id, at);

  const snapshot = await ctx.directory.snapshot();
  const actor = serverActorOf(snapshot, profile);
  const ttlMs = AUTH_LIMITS.accessTokenSeconds * 1000;
  // The claims are informative only: the authentication hook reloads role and team every request.
  const accessToken = signAccessToken(
    { sub: profile.id, role: profile.role, team: profile.teamId, ver: 1 },
    ctx.signingKey,
    now,
    ttlMs,
  );
  return {
    user: sessionUserOf(profile, actor.email),
    accessToken,
    accessTokenExpiresAt: new Date(Math.floor(now / 1000) * 1000 + ttlMs).toISOString(),
    refreshToken: refresh.token,
    refreshTokenExpiresAt: refreshExpires,
    scopeKey: actor.scopeKey,
  };
}
