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
  now: () => number = () => NOW,
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
    now,
    random: () => 0.5,
  });
  return { keeper, saved, client };
}

/** A device's kept session, shared by every window (the bridge's store). */
function sharedStore(first: SessionGrant) {
  let kept: CachedSession | null = { serverUrl: SERVER, grant: first };
  return {
    save: async (s: CachedSession | null) => void (kept = s),
    reload: async () => kept,
    get kept() {
      return kept;
    },
  };
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

  it('refreshes once between two windows that want it at the same moment, and both keep the session', async () => {
    const store = sharedStore(grant(1, 0));
    let rotations = 0;
    const server = {
      refresh: vi.fn(async (_url: string, token: string) => {
        // The server's rule: a refresh token is good for one trade.
        if (token !== `refresh-${rotations + 1}`) throw new AuthRequestError(401, 'auth.refreshInvalid', 'used');
        await new Promise((resolve) => setTimeout(resolve, 5));
        rotations += 1;
        return grant(rotations + 1);
      }),
      logout: vi.fn(async () => undefined),
    };
    const windows = [1, 2].map(() =>
      createSessionKeeper({
        session: store.kept!,
        save: store.save,
        reload: store.reload,
        client: server,
        now: () => NOW,
      }),
    );
    const tokens = await Promise.all(windows.map((k) => k.refresh()));
    expect(server.refresh).toHaveBeenCalledOnce();
    expect(tokens).toEqual(['access-2', 'access-2']);
    expect(store.kept?.grant.refreshToken).toBe('refresh-2');
    expect(windows.map((k) => k.grant.refreshToken)).toEqual(['refresh-2', 'refresh-2']);
  });

  it('takes a grant another window already rotated without asking the server', async () => {
    const { keeper, client } = keeperWith(
      grant(1, 0),
      async () => grant(2),
      async () => ({ serverUrl: SERVER, grant: grant(5) }),
    );
    await expect(keeper.accessToken()).resolves.toBe('access-5');
    expect(client.refresh).not.toHaveBeenCalled();
  });

  it('ignores a kept session of another user or server', async () => {
    const other = { ...grant(9), user: { ...grant(9).user, id: 'u2' } };
    const { keeper, client } = keeperWith(
      grant(1, 0),
      async () => grant(2),
      async () => ({ serverUrl: SERVER, grant: other }),
    );
    await expect(keeper.refresh()).resolves.toBe('access-2');
    expect(client.refresh).toHaveBeenCalledOnce();
  });

  it('backs off after a failed refresh: no request until the delay has passed, then one', async () => {
    let time = NOW;
    const { keeper, client } = keeperWith(
      grant(1, 0),
      async () => {
        throw new AuthRequestError(503, 'http.503', 'restarting');
      },
      undefined,
      () => time,
    );
    const states: string[] = [];
    keeper.state$.subscribe((s) => states.push(s));
    await expect(keeper.refresh()).rejects.toBeInstanceOf(AuthRequestError);
    // Every request that needs a token in the next seconds gets the failure, not a new attempt.
    for (let i = 0; i < 20; i++) await expect(keeper.refresh()).rejects.toBeInstanceOf(AuthRequestError);
    await expect(keeper.accessToken()).resolves.toBe('access-1');
    expect(client.refresh).toHaveBeenCalledOnce();
    time += 1_499; // first delay: 2 s with half of it jittered (1.5 s at the middle of the range)
    await expect(keeper.refresh()).rejects.toBeInstanceOf(AuthRequestError);
    expect(client.refresh).toHaveBeenCalledOnce();
    time += 2;
    await expect(keeper.refresh()).rejects.toBeInstanceOf(AuthRequestError);
    expect(client.refresh).toHaveBeenCalledTimes(2);
    expect(states).toEqual(['active', 'retrying', 'retrying']);
  });

  it('says the session is retrying while the server fails, and active again once it renews', async () => {
    let time = NOW;
    let up = false;
    const { keeper } = keeperWith(
      grant(1, 0),
      async () => {
        if (!up) throw new OfflineError('down');
        return grant(2);
      },
      undefined,
      () => time,
    );
    const states: string[] = [];
    keeper.state$.subscribe((s) => states.push(s));
    await expect(keeper.refresh()).rejects.toBeInstanceOf(OfflineError);
    up = true;
    time += 60_000;
    await expect(keeper.refresh()).resolves.toBe('access-2');
    expect(states).toEqual(['active', 'retrying', 'active']);
  });
});
