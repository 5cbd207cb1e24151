import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AdminUser, CreateUserRequest, SetPasswordRequest, UpdateUserRequest } from '@domain/auth-protocol';
import type { UserProfile } from '@domain/schemas/user-profile';
import { HttpError } from '../http/api-error';
import type { Credentials } from '../store/auth-store';
import type { AuthContext } from './auth-context';
import { adminUserResponse, createUserBody, setPasswordBody, updateUserBody, userIdParams } from './auth-schemas';
import { normalizeEmail, weakPasswordError } from './auth-routes';
import { actorOf, type ServerActor } from './request-actor';
import { createUser, updateUser } from './user-records';

function adminUserOf(profile: UserProfile, credentials: Credentials | undefined): AdminUser {
  return {
    id: profile.id,
    name: profile.name,
    email: credentials?.email ?? profile.email,
    role: profile.role,
    teamId: profile.teamId,
    active: profile.active && !profile.deletedAt,
    createdAt: credentials?.createdAt ?? profile.createdAt,
    lastSeenAt: credentials?.lastSeenAt ?? null,
  };
}

/**
 * A change of role or team, or a deactivation, ends the user's access tokens (their `ver`): a
 * token's claims never outlive what they say, and a switched-off account's tokens stay dead
 * when it is switched back on. A change of name keeps them.
 */
function endsAccessTokens(before: UserProfile | undefined, patch: UpdateUserRequest): boolean {
  if (!before) return false;
  return (
    (patch.role !== undefined && patch.role !== before.role) ||
    (patch.teamId !== undefined && patch.teamId !== before.teamId) ||
    (patch.active === false && before.active)
  );
}

function managerOf(request: FastifyRequest): ServerActor {
  const actor = actorOf(request);
  if (actor.role !== 'SALES_MANAGER') {
    throw new HttpError(403, 'permission.denied', 'only a Sales Manager manages users', { action: 'manage' });
  }
  return actor;
}

/** /admin/users: the Sales Manager's user management (domain/auth-protocol.ts). */
export function registerAdminUserRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const one = { 200: adminUserResponse, 201: adminUserResponse };
  const current = async (id: string) => {
    const snapshot = await ctx.directory.snapshot();
    const profile = snapshot.profiles.get(id);
    if (!profile) throw new HttpError(404, 'user.notFound', 'there is no such user');
    // Read fresh: last-seen times change at sign-ins, which commit no record (the directory keeps its copy).
    return adminUserOf(profile, (await ctx.store.auth.credentialsById(id)) ?? undefined);
  };

  app.get(
    '/admin/users',
    { schema: { response: { 200: { type: 'array', items: adminUserResponse } } } },
    async (request): Promise<AdminUser[]> => {
      managerOf(request);
      const snapshot = await ctx.directory.snapshot();
      const credentials = new Map((await ctx.store.auth.listCredentials()).map((c) => [c.userId, c]));
      return [...snapshot.profiles.values()]
        .map((profile) => adminUserOf(profile, credentials.get(profile.id)))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    },
  );

  app.post<{ Body: CreateUserRequest }>(
    '/admin/users',
    { schema: { body: createUserBody, response: one } },
    async (request, reply) => {
      const manager = managerOf(request);
      const { name, email, role, teamId, password } = request.body;
      const weak = weakPasswordError(password);
      if (weak) throw weak;
      const passwordHash = await ctx.passwords.hash(password);
      const profile = await createUser(ctx, manager.id, {
        name: name.trim(),
        email: normalizeEmail(email),
        role,
        teamId,
        locale: 'en',
        passwordHash,
      });
      request.log.info({ userId: profile.id, role }, 'user created');
      return reply.status(201).send(await current(profile.id));
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateUserRequest }>(
    '/admin/users/:id',
    { schema: { params: userIdParams, body: updateUserBody, response: one } },
    async (request): Promise<AdminUser> => {
      const manager = managerOf(request);
      const { id } = request.params;
      const patch = request.body;
      // Nobody locks themselves out: another manager must demote or deactivate a manager.
      if (id === manager.id && (patch.active === false || (patch.role && patch.role !== 'SALES_MANAGER'))) {
        throw new HttpError(403, 'permission.denied', 'you may not deactivate or demote yourself', {
          action: 'update',
        });
      }
      // Counted up before the profile changes: every instance rereads the accounts when it hears of
      // the profile's commit, so none acts on the new profile while still taking the old tokens.
      if (endsAccessTokens((await ctx.directory.find(id)).profile, patch)) {
        await ctx.store.auth.bumpTokenVersion(id);
        ctx.directory.invalidate();
      }
      await updateUser(ctx, manager.id, id, patch);
      if (patch.active === false) await ctx.store.auth.revokeUserTokens(id, new Date(ctx.tokenNow()).toISOString());
      request.log.info({ userId: id, changed: Object.keys(patch) }, 'user updated');
      return current(id);
    },
  );

  app.post<{ Params: { id: string }; Body: SetPasswordRequest }>(
    '/admin/users/:id/password',
    { schema: { params: userIdParams, body: setPasswordBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const own = id === actor.id;
      if (!own && actor.role !== 'SALES_MANAGER') {
        throw new HttpError(403, 'permission.denied', "only a Sales Manager sets another user's password", {
          action: 'update',
        });
      }
      const credentials = await ctx.store.auth.credentialsById(id);
      if (!credentials) throw new HttpError(404, 'user.notFound', 'there is no such user');
      // Your own password needs the current one (a borrowed, unlocked device is not enough),
      // unless there is none yet (the single-user owner before a switch to team mode).
      if (own && credentials.passwordHash) {
        const { attempt, retryAfterMs } = ctx.limiter.reserve([`account:${credentials.email}`]);
        if (!attempt) {
          reply.header('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
          throw new HttpError(429, 'auth.rateLimited', 'too many wrong passwords: wait before trying again');
        }
        const given = request.body.currentPassword;
        let right: boolean;
        try {
          right = !!given && (await ctx.passwords.verify(given, credentials.passwordHash));
        } catch (error) {
          attempt.cancelled();
          throw error;
        }
        if (!right) {
          attempt.failed();
          throw new HttpError(401, 'auth.invalidCredentials', 'the current password is not right');
        }
        attempt.succeeded();
      }
      const weak = weakPasswordError(request.body.password);
      if (weak) throw weak;
      // Also counts the token version up: the access tokens issued before end at once.
      await ctx.store.auth.setPasswordHash(id, await ctx.passwords.hash(request.body.password));
      ctx.directory.invalidate();
      // Every session of the account ends: whoever knew the old password is signed out.
      await ctx.store.auth.revokeUserTokens(id, new Date(ctx.tokenNow()).toISOString());
      request.log.info({ userId: id }, 'password changed');
      return reply.status(204).send();
    },
  );
}
