import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUser, SessionGrant } from '../../domain/auth-protocol';
import { DEFAULT_TEAM_ID } from '../../domain/default-records';
import { KEYRING_RECHECK_MS, readKeyring, UNKNOWN_KID_RECHECK_MS } from '../../sync-server/auth/signing-keys';
import { runServerCommand } from '../support/server-process';
import { startTestServer, TEST_PASSWORD_COST, type TestServer } from '../support/test-server';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

/**
 * Access tokens name the key that signed them (`kid`) and the user's token version (`ver`), on
 * SQLite and PostgreSQL over real HTTP: the documented key rotation (docs/security.md, "Signing
 * keys") run with the CLI against a database servers are using, and the token version that ends a
 * user's access tokens at once when their password, role or status changes.
 */

type ErrorBody = { error: { code: string } };
const MANAGER = { name: 'Valentina Ortiz', email: 'valentina@andes.example', password: 'manager password 1' };
const REP = { email: 'tomas@andes.example', password: 'rep password 12345' };

function testClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
}

const kidOf = (token: string) => decodeProtectedHeader(token).kid;
const versionOf = (token: string) => decodeJwt(token).ver as number;

for (const target of SERVER_TARGETS) describeTokenKeys(target);

function describeTokenKeys(target: ServerTarget) {
  describe(`access token keys and versions — ${target.name}`, () => {
    const clock = testClock();
    const auth = { mode: 'team' as const, now: clock.now, passwordCost: TEST_PASSWORD_COST };
    let dbUrl = '';
    let server: TestServer;
    /** A second instance on the same database, as a team runs behind a load balancer. */
    let other: TestServer;
    let manager: SessionGrant;
    let rep: AdminUser;

    async function send<T = ErrorBody>(on: TestServer, method: string, path: string, body?: unknown, token?: string) {
      const response = await fetch(`${on.url}${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      return { status: response.status, text, body: (text ? JSON.parse(text) : null) as T };
    }
    const signIn = async (email: string, password: string, on = server) => {
      const answer = await send<SessionGrant>(on, 'POST', '/auth/login', { email, password });
      expect(answer.status, answer.text).toBe(200);
      return answer.body;
    };
    /** GET /auth/me with the token: its status and error code. */
    const me = async (token: string, on = server) => {
      const answer = await send(on, 'GET', '/auth/me', undefined, token);
      return { status: answer.status, code: answer.body?.error?.code };
    };
    const patchUser = async (id: string, body: unknown) => {
      const answer = await send<AdminUser>(server, 'PATCH', `/admin/users/${id}`, body, manager.accessToken);
      expect(answer.status, answer.text).toBe(200);
    };
    const setPassword = async (id: string, body: unknown, token: string) => {
      const answer = await send(server, 'POST', `/admin/users/${id}/password`, body, token);
      expect(answer.status, answer.text).toBe(204);
    };

    beforeAll(async () => {
      dbUrl = await target.newDbUrl();
      server = await startTestServer({ dbUrl, auth });
      other = await startTestServer({ dbUrl, auth });
      manager = (await send<SessionGrant>(server, 'POST', '/auth/setup', MANAGER)).body;
      const created = await send<AdminUser>(
        server,
        'POST',
        '/admin/users',
        { name: 'Tomás Reyes', email: REP.email, role: 'SDR', teamId: DEFAULT_TEAM_ID, password: REP.password },
        manager.accessToken,
      );
      expect(created.status, created.text).toBe(201);
      rep = created.body;
    });
    afterAll(async () => {
      await other?.close();
      await server?.close();
    });

    it('signs with the newest key after a CLI rotation, honours older keys until their tokens expire, refuses removed ones', async () => {
      const before = await signIn(REP.email, REP.password);
      const firstKid = kidOf(before.accessToken);
      expect(firstKid).toEqual(expect.any(String));

      const rotation = await runServerCommand(['--db', dbUrl, '--rotate-signing-key']);
      expect(rotation.code, rotation.output).toBe(0);
      const ring = await readKeyring(server.store.auth, clock.now());
      const newKid = ring.current;
      expect(newKid).not.toBe(firstKid);
      expect(rotation.output).toContain(newKid);
      expect(ring.keys.map((k) => k.kid)).toEqual([newKid, firstKid]);
      // The CLI names keys, never their secrets.
      for (const key of ring.keys) expect(rotation.output).not.toContain(key.secret);

      // A server started now signs with the new key at once.
      await server.restart();
      const after = await signIn(REP.email, REP.password);
      expect(kidOf(after.accessToken)).toBe(newKid);
      // The other instance has not reread the keys yet: a token with a key id it does not know
      // makes it look again (at most once a second), rather than refusing the token.
      clock.advance(UNKNOWN_KID_RECHECK_MS);
      expect(await me(after.accessToken, other)).toEqual({ status: 200, code: undefined });
      // Tokens of the previous key stay valid on both until they expire.
      expect(await me(before.accessToken)).toEqual({ status: 200, code: undefined });
      expect(await me(before.accessToken, other)).toEqual({ status: 200, code: undefined });
      // Within KEYRING_RECHECK_MS every instance signs with the new key.
      clock.advance(KEYRING_RECHECK_MS + 1000);
      expect(kidOf((await signIn(REP.email, REP.password, other)).accessToken)).toBe(newKid);

      const current = await runServerCommand(['--db', dbUrl, '--remove-signing-key', newKid]);
      expect(current.code).not.toBe(0);
      expect(current.output).toMatch(/current/);

      const removal = await runServerCommand(['--db', dbUrl, '--remove-signing-key', firstKid!]);
      expect(removal.code, removal.output).toBe(0);
      clock.advance(KEYRING_RECHECK_MS + 1000);
      expect(await me(before.accessToken)).toEqual({ status: 401, code: 'auth.invalidToken' });
      expect(await me(before.accessToken, other)).toEqual({ status: 401, code: 'auth.invalidToken' });
      expect(await me(after.accessToken)).toEqual({ status: 200, code: undefined });
      // The manager signed in before the rotation too: their token went with the key.
      expect(await me(manager.accessToken)).toEqual({ status: 401, code: 'auth.invalidToken' });
      manager = await signIn(MANAGER.email, MANAGER.password);
    });

    it('ends a user’s older access tokens at once when their password changes, on every instance', async () => {
      const old = await signIn(REP.email, REP.password);
      expect(await me(old.accessToken)).toEqual({ status: 200, code: undefined });
      expect(await me(old.accessToken, other)).toEqual({ status: 200, code: undefined });

      await setPassword(rep.id, { password: 'a brand new password', currentPassword: REP.password }, old.accessToken);
      expect(await me(old.accessToken)).toEqual({ status: 401, code: 'auth.invalidToken' });
      // The other instance hears of it within a second or two, without any record being written.
      const deadline = Date.now() + 5_000;
      while ((await me(old.accessToken, other)).status === 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await me(old.accessToken, other)).toEqual({ status: 401, code: 'auth.invalidToken' });

      const fresh = await signIn(REP.email, 'a brand new password');
      expect(versionOf(fresh.accessToken)).toBeGreaterThan(versionOf(old.accessToken));
      expect(await me(fresh.accessToken)).toEqual({ status: 200, code: undefined });
      expect(await me(fresh.accessToken, other)).toEqual({ status: 200, code: undefined });
      // A Sales Manager's reset ends them too.
      await setPassword(rep.id, { password: REP.password }, manager.accessToken);
      expect(await me(fresh.accessToken)).toEqual({ status: 401, code: 'auth.invalidToken' });
    });

    it('ends older access tokens when the role changes, not when the name does; the refreshed token works', async () => {
      const old = await signIn(REP.email, REP.password);
      await patchUser(rep.id, { name: 'Tomás R.' });
      expect(await me(old.accessToken)).toEqual({ status: 200, code: undefined });

      await patchUser(rep.id, { role: 'ACCOUNT_EXECUTIVE' });
      expect(await me(old.accessToken)).toEqual({ status: 401, code: 'auth.invalidToken' });
      // The device refreshes, as it does for any refused access token, and carries on.
      const refreshed = await send<SessionGrant>(server, 'POST', '/auth/refresh', { refreshToken: old.refreshToken });
      expect(refreshed.status, refreshed.text).toBe(200);
      const now = await send<{ role: string }>(server, 'GET', '/auth/me', undefined, refreshed.body.accessToken);
      expect(now.body.role).toBe('ACCOUNT_EXECUTIVE');
      await patchUser(rep.id, { role: 'SDR' });
    });

    it('keeps a deactivated user’s old access tokens dead after the account is switched back on', async () => {
      const old = await signIn(REP.email, REP.password);
      await patchUser(rep.id, { active: false });
      expect(await me(old.accessToken)).toEqual({ status: 403, code: 'auth.deactivated' });
      await patchUser(rep.id, { active: true });
      expect(await me(old.accessToken)).toEqual({ status: 401, code: 'auth.invalidToken' });
      expect(await me((await signIn(REP.email, REP.password)).accessToken)).toEqual({ status: 200, code: undefined });
    });
  });
}
