import type { SessionGrant } from '@domain/auth-protocol';
import { ROLES } from '@domain/schemas/user-profile';
import { getBridge } from '../platform/bridge';

/** What the device keeps between runs: the grant and the server that issued it. */
export interface CachedSession {
  serverUrl: string;
  grant: SessionGrant;
}

const text = (value: unknown): value is string => typeof value === 'string';

/** Trusts nothing it reads back: a damaged or foreign value counts as "not signed in". */
export function parseCachedSession(raw: string | null): CachedSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { serverUrl?: unknown; grant?: Partial<SessionGrant> };
    const grant = value.grant;
    const user = grant?.user;
    if (!text(value.serverUrl) || !grant || !user) return null;
    if (![user.id, user.name, user.email, user.teamId].every(text)) return null;
    if (!(ROLES as readonly unknown[]).includes(user.role)) return null;
    const tokens = [grant.accessToken, grant.accessTokenExpiresAt, grant.refreshToken, grant.refreshTokenExpiresAt];
    if (!tokens.every(text)) return null;
    return {
      serverUrl: value.serverUrl,
      grant: { ...(grant as SessionGrant), scopeKey: text(grant.scopeKey) ? grant.scopeKey : '' },
    };
  } catch {
    return null;
  }
}

export async function readCachedSession(): Promise<CachedSession | null> {
  try {
    return parseCachedSession(await getBridge().readSession());
  } catch {
    return null;
  }
}

/** Keeps the session through the desktop bridge (OS keychain, or WebCrypto in a browser). */
export async function writeCachedSession(session: CachedSession | null): Promise<void> {
  await getBridge().writeSession(session ? JSON.stringify(session) : null);
}
