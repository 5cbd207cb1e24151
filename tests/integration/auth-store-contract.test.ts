import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RefreshTokenRow } from '../../sync-server/store/auth-store';
import { openStore } from '../../sync-server/store/open-store';
import type { Store } from '../../sync-server/store/store';
import { getTestPostgresUrl } from './postgres-fixture';

/**
 * What every store's auth tables must do (sync-server/store/auth-store.ts), on a SQLite file, a
 * SQLite store in memory and PostgreSQL: one-time claims shared by instances, unique emails
 * regardless of case, single-use rotation under concurrency, family revocation.
 */
const dir = mkdtempSync(join(tmpdir(), 'outpost-auth-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const TARGETS: { name: string; location(): Promise<string>; shared: boolean }[] = [
  { name: 'SQLite file', location: async () => `sqlite:${join(dir, `${++files}.db`)}`, shared: true },
  { name: 'SQLite in memory', location: async () => 'sqlite::memory:', shared: false },
  { name: 'PostgreSQL', location: () => getTestPostgresUrl(), shared: true },
];

const AT = '2026-11-24T12:00:00.000Z';

function token(id: string, overrides: Partial<RefreshTokenRow> = {}): RefreshTokenRow {
  return {
    id,
    userId: 'u1',
    secretHash: `hash-${id}`,
    expiresAt: '2026-12-24T12:00:00.000Z',
    revokedAt: null,
    deviceName: 'laptop',
    createdAt: AT,
    replacedBy: null,
    successorSealed: null,
    ...overrides,
  };
}

for (const target of TARGETS) {
  describe(`auth store contract — ${target.name}`, () => {
    const open: Store[] = [];
    const openAt = async (location: string) => {
      const store = await openStore(location);
      open.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of open.splice(0).reverse()) await store.close();
    });

    it('keeps the first value of a secret, also for a concurrent second instance', async () => {
      const location = await target.location();
      const a = await openAt(location);
      const b = target.shared ? await openAt(location) : a;
      const values = await Promise.all(
        ['one', 'two', 'three', 'four'].map((v, i) => (i % 2 ? a : b).auth.putSecretIfAbsent('key', v)),
      );
      expect(new Set(values).size).toBe(1);
      expect(await a.auth.getSecret('key')).toBe(values[0]);
      await a.auth.deleteSecret('key', 'not the value');
      expect(await b.auth.getSecret('key')).toBe(values[0]);
      await a.auth.deleteSecret('key', values[0]!);
      expect(await b.auth.getSecret('key')).toBeNull();
    });

    it('refuses a second account with the same email and keeps what it stored', async () => {
      const store = await openAt(await target.location());
      const base = { passwordHash: 'h', createdAt: AT, lastSeenAt: null };
      expect(await store.auth.insertCredentials({ ...base, userId: 'u1', email: 'ana@x.example' })).toBe('ok');
      expect(await store.auth.insertCredentials({ ...base, userId: 'u2', email: 'ana@x.example' })).toBe('emailTaken');
      await store.auth.touchLastSeen('u1', AT);
      await store.auth.setPasswordHash('u1', 'h2');
      expect(await store.auth.credentialsByEmail('ana@x.example')).toEqual({
        userId: 'u1',
        email: 'ana@x.example',
        passwordHash: 'h2',
        createdAt: AT,
        lastSeenAt: AT,
        tokenVersion: 1,
      });
      expect((await store.auth.listCredentials()).map((c) => c.userId)).toEqual(['u1']);
      await store.auth.deleteCredentials('u1');
      expect(await store.auth.credentialsById('u1')).toBeNull();
    });

    it('replaces a secret only while it still holds the expected value, for one of concurrent instances', async () => {
      const location = await target.location();
      const a = await openAt(location);
      const b = target.shared ? await openAt(location) : a;
      expect(await a.auth.replaceSecret('ring', 'v0', 'v1')).toBe(false);
      expect(await a.auth.getSecret('ring')).toBeNull();
      await a.auth.putSecretIfAbsent('ring', 'v1');
      expect(await b.auth.replaceSecret('ring', 'v1', 'v2')).toBe(true);
      expect(await a.auth.replaceSecret('ring', 'v1', 'stale')).toBe(false);
      expect(await a.auth.getSecret('ring')).toBe('v2');
      const results = await Promise.all([
        a.auth.replaceSecret('ring', 'v2', 'from a'),
        b.auth.replaceSecret('ring', 'v2', 'from b'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await b.auth.getSecret('ring')).toBe(results[0] ? 'from a' : 'from b');
    });

    it('counts an account’s token version up at a password change and when asked, one account at a time', async () => {
      const store = await openAt(await target.location());
      const base = { passwordHash: 'h', createdAt: AT, lastSeenAt: null };
      await store.auth.insertCredentials({ ...base, userId: 'u1', email: 'ana@x.example' });
      await store.auth.insertCredentials({ ...base, userId: 'u2', email: 'bo@x.example' });
      expect((await store.auth.credentialsById('u1'))?.tokenVersion).toBe(0);
      expect(await store.auth.bumpTokenVersion('u1')).toBe(1);
      await store.auth.setPasswordHash('u1', 'h2');
      expect((await store.auth.credentialsById('u1'))?.tokenVersion).toBe(2);
      expect((await store.auth.listCredentials()).map((c) => [c.userId, c.tokenVersion])).toEqual([
        ['u1', 2],
        ['u2', 0],
      ]);
      expect(await store.auth.bumpTokenVersion('nobody')).toBeNull();
    });

    it('lets only one of two concurrent rotations use a refresh token', async () => {
      const location = await target.location();
      const a = await openAt(location);
      const b = target.shared ? await openAt(location) : a;
      await a.auth.insertRefreshToken(token('t0'));
      const results = await Promise.all([
        a.auth.rotateRefreshToken('t0', token('t1'), AT, 'sealed-t1'),
        b.auth.rotateRefreshToken('t0', token('t2'), AT, 'sealed-t2'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] ? 't1' : 't2';
      const loser = results[0] ? 't2' : 't1';
      expect(await a.auth.refreshTokenById('t0')).toMatchObject({
        revokedAt: AT,
        replacedBy: winner,
        successorSealed: `sealed-${winner}`,
      });
      expect(await a.auth.refreshTokenById(winner)).toMatchObject({ revokedAt: null });
      expect(await a.auth.refreshTokenById(loser)).toBeNull();
    });

    it('revokes a token family down the rotation chain, and a user’s tokens all at once', async () => {
      const store = await openAt(await target.location());
      await store.auth.insertRefreshToken(token('a0'));
      await store.auth.rotateRefreshToken('a0', token('a1'), AT, 's1');
      await store.auth.rotateRefreshToken('a1', token('a2'), AT, 's2');
      await store.auth.insertRefreshToken(token('b0'));
      await store.auth.insertRefreshToken(token('c0', { userId: 'u2' }));
      const later = '2026-11-25T00:00:00.000Z';
      await store.auth.revokeTokenFamily('a0', later);
      expect((await store.auth.refreshTokenById('a0'))?.revokedAt).toBe(AT);
      expect((await store.auth.refreshTokenById('a2'))?.revokedAt).toBe(later);
      expect((await store.auth.refreshTokenById('b0'))?.revokedAt).toBeNull();
      await store.auth.revokeUserTokens('u1', later);
      expect((await store.auth.refreshTokenById('b0'))?.revokedAt).toBe(later);
      expect((await store.auth.refreshTokenById('c0'))?.revokedAt).toBeNull();
      await store.auth.revokeRefreshToken('c0', later);
      expect((await store.auth.refreshTokenById('c0'))?.revokedAt).toBe(later);
    });

    it('writes auth rows while a record transaction holds the write lock, without losing either', async () => {
      const store = await openAt(await target.location());
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const transaction = store.transaction(async (tx) => {
        await held;
        await tx.putRecords([
          { collection: 'deals', id: 'd1', hlc: 'h', deleted: false, ownerId: '', teamId: '', body: { id: 'd1' } },
        ]);
      });
      const insert = store.auth.insertRefreshToken(token('w0'));
      setTimeout(release, 50);
      await Promise.all([transaction, insert]);
      expect(await store.auth.refreshTokenById('w0')).not.toBeNull();
      expect((await store.getRecords('deals', ['d1'])).has('d1')).toBe(true);
    });
  });
}
