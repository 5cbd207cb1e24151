import { describe, expect, it } from 'vitest';
import { parseCachedSession } from '../../../renderer/auth/cached-session';
import { userDatabaseName } from '../../../renderer/db/session';

const good = {
  serverUrl: 'http://127.0.0.1:8787',
  grant: {
    user: { id: 'U-1', name: 'Ana', email: 'ana@example.com', role: 'SDR', teamId: 't' },
    accessToken: 'a',
    accessTokenExpiresAt: '2026-11-24T12:00:00Z',
    refreshToken: 'r',
    refreshTokenExpiresAt: '2026-12-24T12:00:00Z',
    scopeKey: 'k',
  },
};

describe('cached session', () => {
  it('reads back what it wrote', () => {
    expect(parseCachedSession(JSON.stringify(good))).toEqual(good);
  });

  it('treats damaged or foreign values as signed out', () => {
    for (const raw of [null, '', 'not json', '{}', JSON.stringify({ ...good, serverUrl: 3 })]) {
      expect(parseCachedSession(raw)).toBeNull();
    }
    const badRole = { ...good, grant: { ...good.grant, user: { ...good.grant.user, role: 'ADMIN' } } };
    expect(parseCachedSession(JSON.stringify(badRole))).toBeNull();
    const noToken = { ...good, grant: { ...good.grant, refreshToken: undefined } };
    expect(parseCachedSession(JSON.stringify(noToken))).toBeNull();
  });

  it('gives every user a database of their own', () => {
    expect(userDatabaseName('0190AAAA-0000-7000-8000-000000000001')).toBe(
      'outpost-0190aaaa-0000-7000-8000-000000000001',
    );
    expect(userDatabaseName('a')).not.toBe(userDatabaseName('b'));
    expect(userDatabaseName('../evil')).toBe('outpost-evil');
  });
});
