import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AUTH_LIMITS,
  LOCAL_KEY_HEADER,
  type AdminUser,
  type AuthStatus,
  type SessionGrant,
} from '../../domain/auth-protocol';
import { DEFAULT_PIPELINE_ID, DEFAULT_TEAM_ID, SETTING_IDS } from '../../domain/default-records';
import type { Setting } from '../../domain/schemas/setting';
import type { PullResponse } from '../../domain/sync-protocol';
import { subscribeToChanges, type ChangeStreamEvent } from '../../renderer/db/sync/change-stream';
import { createAuthorizedStreamFetch } from '../../renderer/db/sync/sync-http';
import { createRecordValidator } from '@domain/record-validation/record-validator';
import { TEST_LOCAL_KEY } from '../support/local-key';
import { startTestServer, TEST_PASSWORD_COST, type TestServer } from '../support/test-server';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

/**
 * Accounts and sign-in over real HTTP (docs/security.md), on SQLite and PostgreSQL: setup,
 * passwords, rate limits, token expiry, refresh rotation, sign-out, deactivation, the Sales
 * Manager's user routes and the single-user owner's local session.
 */

type ErrorBody = { error: { code: string; message: string } };
type Answer<T> = { status: number; headers: Headers; text: string; body: T };

const MANAGER = { name: 'Valentina Ortiz', email: 'Valentina@Andes.example', password: 'manager password 1' };
const REP_PASSWORD = 'rep password 12345';
const MINUTE = 60_000;
/** Every password a test sends: none may ever come back in a response. */
const PASSWORDS = [MANAGER.password, REP_PASSWORD, 'wrong password!!', 'a brand new password'];

/** A clock the server's tokens and rate limits follow; tests move it forward. */
function testClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
}

for (const target of SERVER_TARGETS) describeAuth(target);

function describeAuth(target: ServerTarget) {
  describe(`accounts and sign-in — ${target.name}`, () => {
    const responses: string[] = [];

    /** A plain request: no helper signs it in (protocol-client.ts would add the owner's token). */
    async function send<T = ErrorBody>(
      server: TestServer,
      method: string,
      path: string,
      options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
    ): Promise<Answer<T>> {
      const headers: Record<string, string> = { ...options.headers };
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
      if (options.token) headers.Authorization = `Bearer ${options.token}`;
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      responses.push(text);
      return { status: response.status, headers: response.headers, text, body: (text ? JSON.parse(text) : null) as T };
    }

    function expectError(answer: Answer<unknown>, status: number, code: string) {
      expect({ status: answer.status, code: (answer.body as ErrorBody | null)?.error?.code }).toEqual({ status, code });
    }

    async function login(server: TestServer, email: string, password: string) {
      return send<SessionGrant & ErrorBody>(server, 'POST', '/auth/login', { body: { email, password } });
    }

    async function signedIn(server: TestServer, email: string, password: string): Promise<SessionGrant> {
      const answer = await login(server, email, password);
      expect(answer.status, answer.text).toBe(200);
      return answer.body;
    }

    afterAll(() => {
      for (const text of responses) for (const password of PASSWORDS) expect(text).not.toContain(password);
      expect(responses.join('\n')).not.toMatch(/scrypt\$|passwordHash|secretHash/);
    });

    describe('team mode', () => {
      const clock = testClock();
      let server: TestServer;
      let manager: SessionGrant;
      let rep: AdminUser;

      beforeAll(async () => {
        server = await startTestServer({
          dbUrl: await target.newDbUrl(),
          auth: { mode: 'team', now: clock.now, passwordCost: TEST_PASSWORD_COST },
        });
      });
      afterAll(async () => {
        await server?.close();
      });

      it('sets up the first Sales Manager once, with the default records every device starts from', async () => {
        expect((await send<AuthStatus>(server, 'GET', '/auth/status')).body).toEqual({
          mode: 'team',
          needsSetup: true,
        });
        const weak = await send(server, 'POST', '/auth/setup', { body: { ...MANAGER, password: 'short' } });
        expectError(weak, 400, 'auth.weakPassword');

        const setup = await send<SessionGrant>(server, 'POST', '/auth/setup', {
          body: { ...MANAGER, teamName: 'Andes team' },
        });
        expect(setup.status, setup.text).toBe(200);
        manager = setup.body;
        expect(manager.user).toMatchObject({
          name: MANAGER.name,
          email: 'valentina@andes.example',
          role: 'SALES_MANAGER',
          teamId: DEFAULT_TEAM_ID,
        });
        expect(Date.parse(manager.accessTokenExpiresAt) - clock.now()).toBeLessThanOrEqual(
          AUTH_LIMITS.accessTokenSeconds * 1000,
        );

        const again = await send(server, 'POST', '/auth/setup', {
          body: { name: 'Intruder', email: 'intruder@evil.example', password: 'intruder password' },
        });
        expectError(again, 409, 'auth.setupDone');
        expect((await send<AuthStatus>(server, 'GET', '/auth/status')).body).toEqual({
          mode: 'team',
          needsSetup: false,
        });

        // The profile, the default pipeline and settings are records every device pulls, valid by the domain schema.
        const validator = createRecordValidator();
        const pulled = async (collection: 'users' | 'pipelines' | 'settings') => {
          const page = await send<PullResponse>(server, 'GET', `/sync/${collection}/pull?checkpoint=0`, {
            token: manager.accessToken,
          });
          expect(page.status, page.text).toBe(200);
          for (const doc of page.body.documents) expect(validator.validate(collection, doc)).toBeNull();
          return page.body.documents;
        };
        expect((await pulled('users')).map((u) => u.id)).toEqual([manager.user.id]);
        expect((await pulled('pipelines')).map((p) => p.id)).toEqual([DEFAULT_PIPELINE_ID]);
        const settings = (await pulled('settings')) as unknown as Setting[];
        expect(settings.map((s) => s.id).sort()).toEqual(Object.values(SETTING_IDS).sort());
        expect(settings.find((s) => s.kind === 'teams')?.items).toEqual([
          { key: DEFAULT_TEAM_ID, label: 'Andes team', retired: false },
        ]);
      });

      it('answers a wrong password and an unknown email alike, and signs in whatever the email case', async () => {
        const wrong = await login(server, MANAGER.email, 'wrong password!!');
        const unknown = await login(server, 'nobody@andes.example', 'wrong password!!');
        expectError(wrong, 401, 'auth.invalidCredentials');
        expect(unknown.status).toBe(wrong.status);
        expect(unknown.body).toEqual(wrong.body);
        const grant = await signedIn(server, '  VALENTINA@andes.EXAMPLE ', MANAGER.password);
        expect(grant.user.id).toBe(manager.user.id);
        expect(grant.scopeKey).toBe(manager.scopeKey);
        const me = await send(server, 'GET', '/auth/me', { token: grant.accessToken });
        expect(me.body).toEqual(manager.user);
      });

      it('lets the Sales Manager add users, with validated input and case-insensitive unique emails', async () => {
        const body = {
          name: 'Tomás Reyes',
          email: 'tomas@andes.example',
          role: 'SDR',
          teamId: DEFAULT_TEAM_ID,
          password: REP_PASSWORD,
        };
        const created = await send<AdminUser>(server, 'POST', '/admin/users', { body, token: manager.accessToken });
        expect(created.status, created.text).toBe(201);
        rep = created.body;
        expect(rep).toEqual({
          id: expect.any(String),
          name: 'Tomás Reyes',
          email: 'tomas@andes.example',
          role: 'SDR',
          teamId: DEFAULT_TEAM_ID,
          active: true,
          createdAt: expect.any(String),
          lastSeenAt: null,
        });

        const create = (patch: Record<string, unknown>) =>
          send(server, 'POST', '/admin/users', { body: { ...body, ...patch }, token: manager.accessToken });
        expectError(await create({ email: 'TOMAS@Andes.Example' }), 409, 'auth.emailTaken');
        expectError(await create({ email: 'x@andes.example', password: 'too short' }), 400, 'auth.weakPassword');
        expectError(await create({ email: 'y@andes.example', role: 'OVERLORD' }), 400, 'request.invalid');
        expectError(await create({ email: 'not an email' }), 400, 'request.invalid');
        const otherTeam = '01900000-0000-7000-8000-0000000009ff';
        expectError(await create({ email: 'z@andes.example', teamId: otherTeam }), 400, 'request.invalid');
        const noName = await send(server, 'POST', '/admin/users', {
          body: { email: 'w@andes.example', role: 'SDR', teamId: DEFAULT_TEAM_ID, password: REP_PASSWORD },
          token: manager.accessToken,
        });
        expectError(noName, 400, 'request.invalid');

        const list = await send<AdminUser[]>(server, 'GET', '/admin/users', { token: manager.accessToken });
        expect(list.body.map((u) => u.email).sort()).toEqual(['tomas@andes.example', 'valentina@andes.example']);
        const grant = await signedIn(server, 'tomas@andes.example', REP_PASSWORD);
        expect(grant.user).toMatchObject({ id: rep.id, role: 'SDR', teamId: DEFAULT_TEAM_ID });
        const seen = await send<AdminUser[]>(server, 'GET', '/admin/users', { token: manager.accessToken });
        expect(seen.body.find((u) => u.id === rep.id)?.lastSeenAt).toEqual(expect.any(String));
      });

      it('refuses the user routes to anyone but a Sales Manager', async () => {
        const grant = await signedIn(server, rep.email, REP_PASSWORD);
        const token = grant.accessToken;
        expectError(await send(server, 'GET', '/admin/users', { token }), 403, 'permission.denied');
        const body = {
          name: 'Sneaky',
          email: 'sneaky@andes.example',
          role: 'SALES_MANAGER',
          teamId: DEFAULT_TEAM_ID,
          password: REP_PASSWORD,
        };
        expectError(await send(server, 'POST', '/admin/users', { body, token }), 403, 'permission.denied');
        const promote = await send(server, 'PATCH', `/admin/users/${rep.id}`, {
          body: { role: 'SALES_MANAGER' },
          token,
        });
        expectError(promote, 403, 'permission.denied');
        const password = await send(server, 'POST', `/admin/users/${manager.user.id}/password`, {
          body: { password: 'a brand new password' },
          token,
        });
        expectError(password, 403, 'permission.denied');
        expectError(await send(server, 'GET', '/admin/users'), 401, 'auth.required');
      });

      it('validates updates and keeps a manager from locking themselves out', async () => {
        const token = manager.accessToken;
        const patch = (id: string, body: unknown) => send(server, 'PATCH', `/admin/users/${id}`, { body, token });
        expectError(await patch(rep.id, {}), 400, 'request.invalid');
        expectError(await patch(rep.id, { role: 'KING' }), 400, 'request.invalid');
        expectError(await patch('01900000-0000-7000-8000-00000000dead', { name: 'Ghost' }), 404, 'user.notFound');
        expectError(await patch(manager.user.id, { active: false }), 403, 'permission.denied');
        const renamed = await patch(rep.id, { name: 'Tomás R.', role: 'ACCOUNT_EXECUTIVE' });
        expect(renamed.status, renamed.text).toBe(200);
        expect(renamed.body).toMatchObject({ id: rep.id, name: 'Tomás R.', role: 'ACCOUNT_EXECUTIVE', active: true });
        // A new role ends the access tokens issued before it; the refreshed one acts with the new role.
        const grant = await signedIn(server, rep.email, REP_PASSWORD);
        await patch(rep.id, { role: 'SDR' });
        expectError(await send(server, 'GET', '/auth/me', { token: grant.accessToken }), 401, 'auth.invalidToken');
        const refreshed = await send<SessionGrant>(server, 'POST', '/auth/refresh', {
          body: { refreshToken: grant.refreshToken },
        });
        const me = await send(server, 'GET', '/auth/me', { token: refreshed.body.accessToken });
        expect(me.body).toMatchObject({ role: 'SDR', name: 'Tomás R.' });
      });

      it('expires access tokens on time and renews them with the refresh token', async () => {
        const grant = await signedIn(server, rep.email, REP_PASSWORD);
        expect((await send(server, 'GET', '/sync/deals/pull', { token: grant.accessToken })).status).toBe(200);
        clock.advance(AUTH_LIMITS.accessTokenSeconds * 1000 + 1000);
        const expired = await send(server, 'GET', '/sync/deals/pull', { token: grant.accessToken });
        expectError(expired, 401, 'auth.invalidToken');
        const refreshed = await send<SessionGrant>(server, 'POST', '/auth/refresh', {
          body: { refreshToken: grant.refreshToken },
        });
        expect(refreshed.status, refreshed.text).toBe(200);
        expect(refreshed.body.refreshToken).not.toBe(grant.refreshToken);
        expect((await send(server, 'GET', '/sync/deals/pull', { token: refreshed.body.accessToken })).status).toBe(200);
        // The manager's tokens expired too: sign in again for the tests that follow.
        manager = await signedIn(server, MANAGER.email, MANAGER.password);
      });

      it('rotates refresh tokens and ends the whole family when an old one is replayed', async () => {
        const first = await signedIn(server, rep.email, REP_PASSWORD);
        const refresh = (token: string) =>
          send<SessionGrant & ErrorBody>(server, 'POST', '/auth/refresh', { body: { refreshToken: token } });
        const second = await refresh(first.refreshToken);
        expect(second.status).toBe(200);
        const third = await refresh(second.body.refreshToken);
        expect(third.status).toBe(200);
        // Someone replays the first token after the grace window (a stolen copy): refused, and the
        // live descendant dies with it.
        clock.advance(AUTH_LIMITS.refreshGraceSeconds * 1000 + 1000);
        expectError(await refresh(first.refreshToken), 401, 'auth.refreshInvalid');
        expectError(await refresh(third.body.refreshToken), 401, 'auth.refreshInvalid');
        // Another session of the same user is not of that family and lives on.
        const other = await signedIn(server, rep.email, REP_PASSWORD);
        expect((await refresh(other.refreshToken)).status).toBe(200);
        expectError(await refresh('garbage'), 401, 'auth.refreshInvalid');
        expectError(await refresh(`${'A'.repeat(12)}.${'B'.repeat(43)}`), 401, 'auth.refreshInvalid');
      });

      it('answers concurrent refreshes of one token with the same new token, and keeps the session', async () => {
        const first = await signedIn(server, rep.email, REP_PASSWORD);
        const refresh = (token: string) =>
          send<SessionGrant & ErrorBody>(server, 'POST', '/auth/refresh', { body: { refreshToken: token } });
        // Two windows (or a page and a worker) refresh with the same token at the same moment.
        const answers = await Promise.all([1, 2, 3, 4].map(() => refresh(first.refreshToken)));
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
        const successor = answers[0]!.body.refreshToken;
        expect(new Set(answers.map((a) => a.body.refreshToken))).toEqual(new Set([successor]));
        expect(successor).not.toBe(first.refreshToken);
        for (const answer of answers) {
          expect((await send(server, 'GET', '/sync/deals/pull', { token: answer.body.accessToken })).status).toBe(200);
        }
        // A window that lagged two rotations behind still lands on the live token of its session.
        const next = await refresh(successor);
        expect(next.status).toBe(200);
        const late = await refresh(first.refreshToken);
        expect(late.status, late.text).toBe(200);
        expect(late.body.refreshToken).toBe(next.body.refreshToken);
        // The session is intact: its live token still rotates.
        expect((await refresh(next.body.refreshToken)).status).toBe(200);
      });

      it('ends the session when a traded-in token comes back after the grace window', async () => {
        const first = await signedIn(server, rep.email, REP_PASSWORD);
        const refresh = (token: string) =>
          send<SessionGrant & ErrorBody>(server, 'POST', '/auth/refresh', { body: { refreshToken: token } });
        const second = await refresh(first.refreshToken);
        expect(second.status).toBe(200);
        clock.advance(AUTH_LIMITS.refreshGraceSeconds * 1000 + 1000);
        expectError(await refresh(first.refreshToken), 401, 'auth.refreshInvalid');
        expectError(await refresh(second.body.refreshToken), 401, 'auth.refreshInvalid');
      });

      it('gives no successor to a token signed out within the grace window', async () => {
        const first = await signedIn(server, rep.email, REP_PASSWORD);
        const refresh = (token: string) =>
          send<SessionGrant & ErrorBody>(server, 'POST', '/auth/refresh', { body: { refreshToken: token } });
        const second = await refresh(first.refreshToken);
        expect(second.status).toBe(200);
        expect(
          (await send(server, 'POST', '/auth/logout', { body: { refreshToken: second.body.refreshToken } })).status,
        ).toBe(204);
        expectError(await refresh(first.refreshToken), 401, 'auth.refreshInvalid');
      });

      it('revokes the refresh token at sign-out', async () => {
        const grant = await signedIn(server, rep.email, REP_PASSWORD);
        const out = await send(server, 'POST', '/auth/logout', { body: { refreshToken: grant.refreshToken } });
        expect(out.status).toBe(204);
        const after = await send(server, 'POST', '/auth/refresh', { body: { refreshToken: grant.refreshToken } });
        expectError(after, 401, 'auth.refreshInvalid');
        expect(
          (await send(server, 'POST', '/auth/logout', { body: { refreshToken: grant.refreshToken } })).status,
        ).toBe(204);
      });

      it('asks for a Bearer token on /sync, /admin and /auth/me, the change stream included, never one in the URL', async () => {
        expectError(await send(server, 'GET', '/sync/deals/pull'), 401, 'auth.required');
        expectError(await send(server, 'GET', '/sync/deals/pull', { token: 'not.a.token' }), 401, 'auth.invalidToken');
        const forged = manager.accessToken.slice(0, -4) + (manager.accessToken.endsWith('AAAA') ? 'BBBB' : 'AAAA');
        expectError(await send(server, 'GET', '/auth/me', { token: forged }), 401, 'auth.invalidToken');
        expectError(await send(server, 'POST', '/sync/deals/push', { body: { rows: [] } }), 401, 'auth.required');
        const inUrl = await send(server, 'GET', `/sync/deals/pull?access_token=${manager.accessToken}`);
        expectError(inUrl, 401, 'auth.required');
        expect((await send(server, 'GET', '/healthz')).status).toBe(200);

        const controller = new AbortController();
        const stream = await fetch(`${server.url}/sync/stream`, {
          headers: { Authorization: `Bearer ${manager.accessToken}` },
          signal: controller.signal,
        });
        expect(stream.status).toBe(200);
        expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
        controller.abort();
        const streamInUrl = await send(server, 'GET', `/sync/stream?access_token=${manager.accessToken}`);
        expectError(streamInUrl, 401, 'auth.required');
        expect(streamInUrl.body.error.message).toMatch(/Authorization: Bearer/);
        expectError(await send(server, 'GET', '/sync/stream', { token: 'nope' }), 401, 'auth.invalidToken');
      });

      it('connects a signed-in device’s change stream with its Bearer token, and pokes it after a write', async () => {
        const events: ChangeStreamEvent[] = [];
        const auth = { accessToken: async () => manager.accessToken, refresh: async () => null, end: () => {} };
        const stop = subscribeToChanges({
          baseUrl: server.url,
          fetch: createAuthorizedStreamFetch(auth),
          onEvent: (event) => events.push(event),
        });
        try {
          await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(['resync']), { timeout: 5_000 });
          const renamed = await send(server, 'PATCH', `/admin/users/${rep.id}`, {
            body: { name: 'Tomás Reyes' },
            token: manager.accessToken,
          });
          expect(renamed.status, renamed.text).toBe(200);
          await vi.waitFor(() => expect(events.map((e) => e.type)).toContain('change'), { timeout: 5_000 });
        } finally {
          stop();
        }
      });

      it('refuses the single-user local session on a team server', async () => {
        expectError(await send(server, 'POST', '/auth/local-session', { body: {} }), 403, 'auth.localOnly');
      });

      it('lets users change their own password with the current one, ending their other sessions', async () => {
        const grant = await signedIn(server, rep.email, REP_PASSWORD);
        const change = (body: unknown) =>
          send(server, 'POST', `/admin/users/${rep.id}/password`, { body, token: grant.accessToken });
        expectError(await change({ password: 'a brand new password' }), 401, 'auth.invalidCredentials');
        expectError(await change({ password: 'short', currentPassword: REP_PASSWORD }), 400, 'auth.weakPassword');
        expect((await change({ password: 'a brand new password', currentPassword: REP_PASSWORD })).status).toBe(204);
        const old = await send(server, 'POST', '/auth/refresh', { body: { refreshToken: grant.refreshToken } });
        expectError(old, 401, 'auth.refreshInvalid');
        expectError(await login(server, rep.email, REP_PASSWORD), 401, 'auth.invalidCredentials');
        await signedIn(server, rep.email, 'a brand new password');
        // The manager resets it without knowing it.
        const reset = await send(server, 'POST', `/admin/users/${rep.id}/password`, {
          body: { password: REP_PASSWORD },
          token: manager.accessToken,
        });
        expect(reset.status).toBe(204);
        await signedIn(server, rep.email, REP_PASSWORD);
      });

      it('shuts a deactivated user out at their next request, and refuses their refresh and sign-in', async () => {
        const grant = await signedIn(server, rep.email, REP_PASSWORD);
        expect((await send(server, 'GET', '/sync/deals/pull', { token: grant.accessToken })).status).toBe(200);
        const off = await send<AdminUser>(server, 'PATCH', `/admin/users/${rep.id}`, {
          body: { active: false },
          token: manager.accessToken,
        });
        expect(off.body).toMatchObject({ id: rep.id, active: false });
        expectError(
          await send(server, 'GET', '/sync/deals/pull', { token: grant.accessToken }),
          403,
          'auth.deactivated',
        );
        expectError(await send(server, 'GET', '/auth/me', { token: grant.accessToken }), 403, 'auth.deactivated');
        const refresh = await send(server, 'POST', '/auth/refresh', { body: { refreshToken: grant.refreshToken } });
        expect(refresh.status).toBeGreaterThanOrEqual(401);
        expect(refresh.status).toBeLessThanOrEqual(403);
        expect(['auth.deactivated', 'auth.refreshInvalid']).toContain((refresh.body as ErrorBody).error.code);
        expectError(await login(server, rep.email, REP_PASSWORD), 403, 'auth.deactivated');
        // Back on: signing in works again; the old sessions stay ended.
        await send(server, 'PATCH', `/admin/users/${rep.id}`, { body: { active: true }, token: manager.accessToken });
        await signedIn(server, rep.email, REP_PASSWORD);
        const stale = await send(server, 'POST', '/auth/refresh', { body: { refreshToken: grant.refreshToken } });
        expectError(stale, 401, 'auth.refreshInvalid');
      });
    });

    describe('login rate limits', () => {
      const clock = testClock();
      let server: TestServer;

      beforeAll(async () => {
        server = await startTestServer({
          dbUrl: await target.newDbUrl(),
          auth: { mode: 'team', now: clock.now, passwordCost: TEST_PASSWORD_COST },
        });
        const setup = await send<SessionGrant>(server, 'POST', '/auth/setup', { body: MANAGER });
        const body = {
          name: 'Ana',
          email: 'ana@andes.example',
          role: 'SDR',
          teamId: DEFAULT_TEAM_ID,
          password: REP_PASSWORD,
        };
        expect((await send(server, 'POST', '/admin/users', { body, token: setup.body.accessToken })).status).toBe(201);
      });
      afterAll(async () => {
        await server?.close();
      });

      function expectRateLimited(answer: Answer<unknown>) {
        expectError(answer, 429, 'auth.rateLimited');
        const retryAfter = Number(answer.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(AUTH_LIMITS.loginWindowSeconds);
      }

      it('locks one account after repeated failures, then one address, until the window has passed', async () => {
        for (let i = 0; i < AUTH_LIMITS.loginAttemptsPerAccount; i++) {
          expectError(await login(server, MANAGER.email, 'wrong password!!'), 401, 'auth.invalidCredentials');
        }
        // Even the right password waits: the guesser must not learn which try was right.
        expectRateLimited(await login(server, MANAGER.email, MANAGER.password));
        // Another account from the same address is not locked (yet).
        await signedIn(server, 'ana@andes.example', REP_PASSWORD);

        // Failures over many accounts from one address lock the address.
        const left = AUTH_LIMITS.loginAttemptsPerAddress - AUTH_LIMITS.loginAttemptsPerAccount;
        for (let i = 0; i < left; i++) {
          expectError(
            await login(server, `guess${i}@andes.example`, 'wrong password!!'),
            401,
            'auth.invalidCredentials',
          );
        }
        expectRateLimited(await login(server, 'ana@andes.example', REP_PASSWORD));

        clock.advance(AUTH_LIMITS.loginWindowSeconds * 1000 + MINUTE);
        await signedIn(server, 'ana@andes.example', REP_PASSWORD);
        await signedIn(server, MANAGER.email, MANAGER.password);
      });
    });

    describe('concurrent sign-ins', () => {
      let server: TestServer;

      beforeAll(async () => {
        // The production scrypt cost: every check takes long enough for a burst to overlap it.
        server = await startTestServer({ dbUrl: await target.newDbUrl(), auth: { mode: 'team' } });
        expect((await send(server, 'POST', '/auth/setup', { body: MANAGER })).status).toBe(200);
      });
      afterAll(async () => {
        await server?.close();
      });

      it('checks no more passwords than the limit when many sign-ins for one account arrive at once', async () => {
        const burst = Array.from({ length: 20 }, (_, i) => (i === 14 ? MANAGER.password : `wrong password ${i}!!`));
        const answers = await Promise.all(burst.map((password) => login(server, MANAGER.email, password)));
        const checked = answers.filter((answer) => answer.status !== 429);
        expect(checked.map((answer) => answer.status)).toHaveLength(AUTH_LIMITS.loginAttemptsPerAccount);
        for (const answer of checked) expect([200, 401]).toContain(answer.status);
        for (const answer of answers.filter((a) => a.status === 429)) {
          expectError(answer, 429, 'auth.rateLimited');
          expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
        }
      });

      it('answers a storm of sign-ins beyond the hashing queue with 503 and Retry-After, without counting them', async () => {
        const small = await startTestServer({
          dbUrl: await target.newDbUrl(),
          auth: { mode: 'team', hashing: { concurrency: 1, maxWaiting: 2 } },
        });
        try {
          expect((await send(small, 'POST', '/auth/setup', { body: MANAGER })).status).toBe(200);
          // Nearly the address's whole allowance at once: were the refused ones counted, it would be locked.
          const storm = await Promise.all(
            Array.from({ length: AUTH_LIMITS.loginAttemptsPerAddress - 2 }, (_, i) =>
              login(small, `guess${i}@andes.example`, 'wrong password!!'),
            ),
          );
          const busy = storm.filter((answer) => answer.status === 503);
          expect(busy.length).toBeGreaterThan(0);
          for (const answer of busy) {
            expectError(answer, 503, 'auth.busy');
            expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
          }
          for (const answer of storm.filter((a) => a.status !== 503)) {
            expectError(answer, 401, 'auth.invalidCredentials');
          }
          for (const email of ['late1@andes.example', 'late2@andes.example']) {
            expectError(await login(small, email, 'wrong password!!'), 401, 'auth.invalidCredentials');
          }
          expect((await login(small, MANAGER.email, MANAGER.password)).status).toBe(200);
        } finally {
          await small.close();
        }
      });
    });

    describe('single-user mode', () => {
      let server: TestServer;
      const localKey = { [LOCAL_KEY_HEADER]: TEST_LOCAL_KEY };

      beforeAll(async () => {
        server = await startTestServer({
          dbUrl: await target.newDbUrl(),
          auth: { mode: 'single-user', passwordCost: TEST_PASSWORD_COST, localKey: TEST_LOCAL_KEY },
        });
      });
      afterAll(async () => {
        await server?.close();
      });

      it('creates the owner at the first local session and signs the same owner in afterwards', async () => {
        expect((await send<AuthStatus>(server, 'GET', '/auth/status')).body).toEqual({
          mode: 'single-user',
          needsSetup: true,
        });
        const local = (body: unknown) =>
          send<SessionGrant>(server, 'POST', '/auth/local-session', { body, headers: localKey });
        const [first, racing] = await Promise.all([local({ name: 'Lucía', locale: 'es' }), local({})]);
        expect(first.status, first.text).toBe(200);
        expect(racing.status, racing.text).toBe(200);
        expect(racing.body.user.id).toBe(first.body.user.id);
        expect(first.body.user).toMatchObject({ role: 'SALES_MANAGER', teamId: DEFAULT_TEAM_ID });
        const again = await local({ name: 'Someone else' });
        expect(again.body.user).toEqual(first.body.user);

        const users = await send<PullResponse>(server, 'GET', '/sync/users/pull', { token: again.body.accessToken });
        expect(users.body.documents).toHaveLength(1);
        expect(users.body.documents[0]).toMatchObject({ id: first.body.user.id, active: true, role: 'SALES_MANAGER' });
        expect(['Lucía', 'Owner']).toContain((users.body.documents[0] as unknown as { name: string }).name);
        const pipelines = await send<PullResponse>(server, 'GET', '/sync/pipelines/pull', {
          token: again.body.accessToken,
        });
        expect(pipelines.body.documents.map((p) => p.id)).toEqual([DEFAULT_PIPELINE_ID]);

        expectError(await send(server, 'POST', '/auth/setup', { body: MANAGER }), 409, 'auth.setupDone');
        expectError(
          await send(server, 'POST', '/auth/local-session', { body: { locale: 'fr' }, headers: localKey }),
          400,
          'request.invalid',
        );
      });
    });
  });
}
