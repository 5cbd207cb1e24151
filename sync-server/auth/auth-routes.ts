import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {
  AuthStatus,
  LoginRequest,
  RefreshRequest,
  SessionGrant,
  SessionUser,
  SetupRequest,
} from '@domain/auth-protocol';
import { AUTH_LIMITS, LOCAL_KEY_HEADER } from '@domain/auth-protocol';
import type { Locale, UserProfile } from '@domain/schemas/user-profile';
import type { RefreshTokenRow } from '../store/auth-store';
import { errorBody, HttpError } from '../http/api-error';
import type { AuthContext } from './auth-context';
import { isLoopbackAddress } from './auth-config';
import { matchesLocalKey } from './local-key';
import {
  localSessionBody,
  loginBody,
  refreshBody,
  sessionGrantResponse,
  sessionUserResponse,
  setupBody,
} from './auth-schemas';
import { passwordProblem } from './password-hash';
import { openSuccessor } from './refresh-successor';
import { hashRefreshSecret, parseRefreshToken } from './refresh-token';
import { actorOf } from './request-actor';
import { issueSession, regrantSession } from './session-grants';
import { createOwner, OWNER_SECRET } from './user-records';
import { isActiveUser } from './user-directory';

/** The single-user owner signs in without a password; this address is never used to sign in. */
const LOCAL_OWNER_EMAIL = 'owner@outpost.local';

const invalidCredentials = () =>
  new HttpError(401, 'auth.invalidCredentials', 'the email or the password is not right');
const refreshInvalid = () =>
  new HttpError(401, 'auth.refreshInvalid', 'this session has ended (signed out, expired or replaced): sign in again');
export const deactivated = () =>
  new HttpError(403, 'auth.deactivated', 'this account was deactivated: ask your Sales Manager');

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function weakPasswordError(password: string): HttpError | null {
  const problem = passwordProblem(password);
  if (!problem) return null;
  return new HttpError(
    400,
    'auth.weakPassword',
    problem === 'tooShort'
      ? 'the password needs at least 10 characters'
      : 'the password may have at most 200 characters',
  );
}

/** 429 with Retry-After in whole seconds (never 0: "now" would invite a tight retry loop). */
function rateLimited(reply: FastifyReply, waitMs: number) {
  reply.header('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
  return reply
    .status(429)
    .send(
      errorBody('auth.rateLimited', 'too many failed sign-ins: wait before trying again', { retryAfterMs: waitMs }),
    );
}

async function grantFor(ctx: AuthContext, profile: UserProfile, deviceName: string): Promise<SessionGrant> {
  const grant = await issueSession(ctx, profile, deviceName);
  if (!grant) throw new Error('a new session cannot be a replay');
  return grant;
}

/** /auth/*: status, first-run setup, sign-in, the local owner's session, refresh, sign-out, me. */
export function registerAuthRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const grantSchema = { 200: sessionGrantResponse };

  app.get('/auth/status', async (): Promise<AuthStatus> => {
    return { mode: ctx.mode, needsSetup: (await ctx.store.auth.getSecret(OWNER_SECRET)) === null };
  });

  app.post<{ Body: SetupRequest }>(
    '/auth/setup',
    { schema: { body: setupBody, response: grantSchema } },
    async (request): Promise<SessionGrant> => {
      const { name, email, password, teamName } = request.body;
      const weak = weakPasswordError(password);
      if (weak) throw weak;
      const setupDone = () => new HttpError(409, 'auth.setupDone', 'this server is set up already: sign in');
      if ((await ctx.store.auth.getSecret(OWNER_SECRET)) !== null) throw setupDone();
      const passwordHash = await ctx.passwords.hash(password);
      const owner = await createOwner(
        ctx,
        { name: name.trim(), email: normalizeEmail(email), locale: 'en', passwordHash },
        teamName?.trim(),
      );
      if (!owner) throw setupDone();
      request.log.info({ userId: owner.id }, 'setup: first Sales Manager created');
      return grantFor(ctx, owner, 'setup');
    },
  );

  app.post<{ Body: LoginRequest }>(
    '/auth/login',
    { schema: { body: loginBody, response: grantSchema } },
    async (request, reply) => {
      const email = normalizeEmail(request.body.email);
      const { password } = request.body;
      const keys = [`account:${email}`, `address:${request.ip}`];
      // Counted before the password is checked, so concurrent guesses cannot exceed the limit.
      const { attempt, retryAfterMs } = ctx.limiter.reserve(keys);
      if (!attempt) return rateLimited(reply, retryAfterMs);

      let profile: UserProfile | null | undefined;
      try {
        const credentials = await ctx.store.auth.credentialsByEmail(email);
        // Unknown email, or an account without a password: the same time and answer as a wrong password.
        const matches = credentials?.passwordHash
          ? await ctx.passwords.verify(password, credentials.passwordHash)
          : await ctx.passwords.spendTime(password).then(() => false);
        profile = matches && credentials ? (await ctx.directory.find(credentials.userId)).profile : null;
      } catch (error) {
        attempt.cancelled();
        throw error;
      }
      if (!profile) {
        attempt.failed();
        request.log.info({ address: request.ip }, 'login failed');
        throw invalidCredentials();
      }
      if (!isActiveUser(profile)) {
        attempt.cancelled();
        throw deactivated();
      }
      attempt.succeeded();
      return grantFor(ctx, profile, request.body.deviceName ?? 'unnamed device');
    },
  );

  app.post<{ Body: { name?: string; locale?: Locale } | null }>(
    '/auth/local-session',
    { schema: { body: localSessionBody, response: grantSchema } },
    async (request): Promise<SessionGrant> => {
      if (ctx.mode !== 'single-user' || !isLoopbackAddress(request.socket.remoteAddress)) {
        throw new HttpError(
          403,
          'auth.localOnly',
          'a local session exists only on a single-user server, from its own machine',
        );
      }
      // Loopback is not enough: any process or OS user of this machine is loopback too.
      if (!matchesLocalKey(request.headers[LOCAL_KEY_HEADER], ctx.localKey)) {
        throw new HttpError(
          403,
          'auth.localKeyInvalid',
          'a local session needs the key of this launch of Outpost: open the app that started this server (or the address `npm start` printed)',
        );
      }
      let owner: UserProfile | null | undefined = null;
      if ((await ctx.store.auth.getSecret(OWNER_SECRET)) === null) {
        owner = await createOwner(ctx, {
          name: request.body?.name?.trim() || 'Owner',
          email: LOCAL_OWNER_EMAIL,
          locale: request.body?.locale ?? 'en',
          passwordHash: '',
        });
      }
      // The owner exists, or another request is creating it right now: sign in as that one.
      owner ??= await committedOwner(ctx);
      if (!owner)
        throw new HttpError(503, 'auth.ownerMissing', 'the owner account is being created: retry in a moment');
      if (!isActiveUser(owner)) throw deactivated();
      return grantFor(ctx, owner, 'this computer');
    },
  );

  app.post<{ Body: RefreshRequest }>(
    '/auth/refresh',
    { schema: { body: refreshBody, response: grantSchema } },
    async (request): Promise<SessionGrant> => tradeRefreshToken(ctx, request, request.body.refreshToken),
  );

  app.post<{ Body: RefreshRequest }>('/auth/logout', { schema: { body: refreshBody } }, async (request, reply) => {
    // Signing out twice, or with a token that already ended, is still a sign-out: always 204.
    const parsed = parseRefreshToken(request.body.refreshToken);
    const row = parsed && (await ctx.store.auth.refreshTokenById(parsed.id));
    if (row && parsed && sameHash(hashRefreshSecret(parsed.secret), row.secretHash)) {
      await ctx.store.auth.revokeRefreshToken(row.id, new Date(ctx.tokenNow()).toISOString());
    }
    return reply.status(204).send();
  });

  app.get('/auth/me', { schema: { response: { 200: sessionUserResponse } } }, async (request): Promise<SessionUser> => {
    const actor = actorOf(request);
    return { id: actor.id, name: actor.name, email: actor.email, role: actor.role, teamId: actor.teamId };
  });
}

/**
 * The owner's profile once it is committed. A request that lost the race to create the owner
 * finds the claim before the winner's records are committed: it waits a moment for them.
 */
async function committedOwner(ctx: AuthContext): Promise<UserProfile | undefined> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ownerId = await ctx.store.auth.getSecret(OWNER_SECRET);
    const owner = ownerId ? (await ctx.directory.find(ownerId)).profile : undefined;
    if (owner) return owner;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Trades a refresh token for a new grant (rotation). A token traded in moments ago (within
 * AUTH_LIMITS.refreshGraceSeconds) is a race between two windows or a lost answer, not theft: it
 * receives the same successor again. Any later use of a traded-in token is a replay — someone
 * holds a copy — and ends the token's whole family of sessions.
 */
async function tradeRefreshToken(ctx: AuthContext, request: FastifyRequest, token: string): Promise<SessionGrant> {
  const parsed = parseRefreshToken(token);
  let row = parsed && (await ctx.store.auth.refreshTokenById(parsed.id));
  if (!parsed || !row || !sameHash(hashRefreshSecret(parsed.secret), row.secretHash)) throw refreshInvalid();
  // Twice at most: a rotation lost to a concurrent one reads the row again, now traded in.
  for (let attempt = 0; attempt < 2 && row; attempt++) {
    if (row.revokedAt) {
      const successor = await graceSuccessor(ctx, parsed.secret, row);
      if (successor) {
        const profile = await activeProfile(ctx, row.userId);
        return regrantSession(ctx, profile, successor.token, successor.expiresAt);
      }
      if (row.replacedBy) {
        await ctx.store.auth.revokeTokenFamily(row.id, new Date(ctx.tokenNow()).toISOString());
        request.log.warn({ userId: row.userId }, 'a replaced refresh token was replayed: its sessions are revoked');
      }
      throw refreshInvalid();
    }
    if (Date.parse(row.expiresAt) <= ctx.tokenNow()) throw refreshInvalid();
    const profile = await activeProfile(ctx, row.userId);
    const grant = await issueSession(ctx, profile, row.deviceName, parsed);
    if (grant) return grant;
    row = await ctx.store.auth.refreshTokenById(parsed.id);
  }
  throw refreshInvalid();
}

/** The user of a session, if still active; a deactivated user's sessions all end here. */
async function activeProfile(ctx: AuthContext, userId: string): Promise<UserProfile> {
  const { profile } = await ctx.directory.find(userId);
  if (!isActiveUser(profile)) {
    await ctx.store.auth.revokeUserTokens(userId, new Date(ctx.tokenNow()).toISOString());
    throw deactivated();
  }
  return profile;
}

/**
 * The live token a traded-in token led to, when every hop of the way was traded in within the
 * grace window: opened with the presented secret, then with each successor's (refresh-successor.ts).
 */
async function graceSuccessor(
  ctx: AuthContext,
  secret: string,
  row: RefreshTokenRow,
): Promise<{ token: string; expiresAt: string } | null> {
  const graceMs = AUTH_LIMITS.refreshGraceSeconds * 1000;
  const now = ctx.tokenNow();
  let current = { secret, row };
  for (let hop = 0; hop < 8; hop++) {
    const { row: r } = current;
    if (!r.revokedAt || !r.replacedBy || !r.successorSealed) return null;
    if (now - Date.parse(r.revokedAt) > graceMs) return null;
    const token = openSuccessor(current.secret, r.id, r.successorSealed);
    const next = token ? parseRefreshToken(token) : null;
    if (!token || !next || next.id !== r.replacedBy) return null;
    const nextRow = await ctx.store.auth.refreshTokenById(next.id);
    if (!nextRow || nextRow.userId !== r.userId) return null;
    if (!nextRow.revokedAt) return Date.parse(nextRow.expiresAt) > now ? { token, expiresAt: nextRow.expiresAt } : null;
    current = { secret: next.secret, row: nextRow };
  }
  return null;
}
