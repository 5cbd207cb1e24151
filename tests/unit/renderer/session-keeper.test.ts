import { describe, expect, it, vi } from 'vitest';
import type { SessionGrant } from '@domain/auth-protocol';
import { AuthRequestError } from '../../../renderer/auth/auth-request';
import type { CachedSession } from '../../../renderer/auth/cached-session';
import { createSessionKeeper, REFRESH_MARGIN_MS } from '../../../renderer/auth/session-keeper';
import { OfflineError } from '../../../renderer/db/sync/sync-http';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const SERVER = 'http://127.0.0.1:8787';

function grant(n: number, expiresInMs = 15 * 60_000): SessionGrant {
  return {
    user: { id: 'u1', name: 'Ana', email: 'ana@example.com', role: 'SALES_MANAGER', teamId: 't1' },
    accessToken: `access-${n}`,
    accessTokenExpiresAt: new Date(NOW + expiresInMs).toISOString(),
    refreshToken: `refresh-${n}`,
    refreshTokenExpiresAt: new Date(NOW + 30 * 86_400_000).toISOString(),
    scopeKey: 'k',
  };
}

function keeperWith(
  first: SessionGrant,
  refresh: (token: string) => Promise<SessionGrant>,
  reload?: () => Promise<CachedSession | null>,
) {
  const saved: (CachedSession | null)[] = [];
  const client = {
    refresh: vi.fn((_url: string, token: string) => refresh(token)),
    logout: vi.fn(async () => undefined),
  };
  const keeper = createSessionKeeper({
    session: { serverUrl: SERVER, grant: first },
    save: async (s) => void saved.push(s),
    ...(reload ? { reload } : {}),
    client,
    now: () => NOW,
  });
  return { keeper, saved, client };
}

describe('session keeper', () => {
  it('hands out the current token while it has more than the margin left', async () => {
    const { keeper, client } = keeperWith(grant(1), async () => grant(2));
    await expect(keeper.accessToken()).resolves.toBe('access-1');
    expect(client.refresh).not.toHaveBeenCalled();
  });

  it('refreshes shortly before expiry and keeps the rotated grant', async () => {
    const { keeper, saved } = keeperWith(grant(1, REFRESH_MARGIN_MS - 1), async () => grant(2));
    await expect(keeper.accessToken()).resolves.toBe('access-2');
    expect(keeper.grant.refreshToken).toBe('refresh-2');
    expect(saved).toEqual([{ serverUrl: SERVER, grant: grant(2) }]);
  });

  it('refreshes once for many callers refused at the same time (single flight)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { keeper, client } = keeperWith(grant(1), async () => {
      await gate;
      return grant(2);
    });
    const waiting = [keeper.refresh('access-1'), keeper.refresh('access-1'), keeper.refresh('access-1')];
    release();
    await expect(Promise.all(waiting)).resolves.toEqual(['access-2', 'access-2', 'access-2']);
    // A late caller still holding the old token gets the new one without another refresh.
    await expect(keeper.refresh('access-1')).resolves.toBe('access-2');
    expect(client.refresh).toHaveBeenCalledOnce();
  });

  it('ends the session when the refresh token is dead, and hands out no token after that', async () => {
    const { keeper } = keeperWith(grant(1), async () => {
      throw new AuthRequestError(401, 'auth.refreshInvalid', 'gone');
    });
    const reasons: unknown[] = [];
    keeper.ended$.subscribe((r) => reasons.push(r));
    await expect(keeper.refresh('access-1')).resolves.toBeNull();
    expect(reasons).toEqual([null, 'auth.refreshInvalid']);
    await expect(keeper.accessToken()).resolves.toBeNull();
  });

  it('takes the grant another tab rotated instead of ending a live session', async () => {
    const { keeper } = keeperWith(
      grant(1),
      async () => {
        throw new AuthRequestError(401, 'auth.refreshInvalid', 'used');
      },
      async () => ({ serverUrl: SERVER, grant: grant(7) }),
    );
    await expect(keeper.refresh('access-1')).resolves.toBe('access-7');
    await expect(keeper.accessToken()).resolves.toBe('access-7');
  });

  it('keeps the old token when the server cannot be reached (offline is not signed out)', async () => {
    const { keeper } = keeperWith(grant(1, 0), async () => {
      throw new OfflineError('down');
    });
    await expect(keeper.accessToken()).resolves.toBe('access-1');
    await expect(keeper.refresh('access-1')).rejects.toBeInstanceOf(OfflineError);
  });

  it('signs out by revoking the refresh token and forgetting the session', async () => {
    const { keeper, saved, client } = keeperWith(grant(1), async () => grant(2));
    await expect(keeper.signOut()).resolves.toEqual({ revoked: true });
    expect(client.logout).toHaveBeenCalledWith(SERVER, 'refresh-1');
    expect(saved).toEqual([null]);
  });

  it('still forgets the session when the server cannot be told (offline sign-out)', async () => {
    const { keeper, saved, client } = keeperWith(grant(1), async () => grant(2));
    client.logout.mockRejectedValueOnce(new OfflineError('down'));
    await expect(keeper.signOut()).resolves.toEqual({ revoked: false });
    expect(saved).toEqual([null]);
  });
});
