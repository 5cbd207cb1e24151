import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AUTH_LIMITS } from '@domain/auth-protocol';
import { HttpError } from '../http/api-error';
import { verifyAccessToken } from './access-token';
import type { AuthContext } from './auth-context';
import { isLoopbackAddress } from './auth-config';
import { deactivated } from './auth-routes';
import { hadAccessTokenInUrl } from './query-token';
import { isActiveUser, serverActorOf } from './user-directory';

/** Routes that act as a user; everything else (/healthz, /auth/status, sign-in, app files) is public. */
function needsUser(route: string): boolean {
  return route.startsWith('/sync/') || route.startsWith('/admin/') || route === '/auth/me';
}

/** The Bearer token of the Authorization header: the only place a token is read from. */
function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  return /^Bearer +(\S+)\s*$/i.exec(header)?.[1] ?? '';
}

const ACCESS_TOKEN_MS = AUTH_LIMITS.accessTokenSeconds * 1000;

/**
 * Who a request acts as, decided before its route runs and loaded from the store every time (via
 * the user directory, which rereads the users at the first request after a commit that changed
 * one, in any instance): a deactivated user, or one whose
 * role or team changed, is answered by what is true now, not by what their token says.
 */
export function installAuthentication(app: FastifyInstance, ctx: AuthContext): void {
  app.decorateRequest('outpostActor', null);
  app.addHook('onRequest', async (request) => {
    request.outpostActor = null;
    const route = request.routeOptions.url;
    if (!route) return;
    const isApi = needsUser(route) || route.startsWith('/auth/');
    // Single-user mode listens on loopback only; should it ever be reachable, it still answers no one else.
    if (isApi && ctx.mode === 'single-user' && !isLoopbackAddress(request.socket.remoteAddress)) {
      throw new HttpError(403, 'auth.localOnly', 'this single-user server answers its own machine only');
    }
    if (!needsUser(route)) return;
    const token = tokenOf(request);
    if (token === undefined || token === '') {
      if (hadAccessTokenInUrl(request.raw)) {
        throw new HttpError(
          401,
          'auth.required',
          'send the access token as Authorization: Bearer; a token in the URL (?access_token=) is not accepted',
        );
      }
      throw new HttpError(401, 'auth.required', 'sign in first: this request carries no access token');
    }
    const check = await verifyAccessToken(token, ctx.signingKeys.find, ctx.tokenNow(), ACCESS_TOKEN_MS);
    const invalid = () =>
      new HttpError(401, 'auth.invalidToken', 'the access token is not valid or has expired: refresh it');
    if (!check.ok) throw invalid();
    const { sub, ver } = check.claims;
    const find = () =>
      ctx.directory.find(sub).catch((error: unknown) => {
        request.log.warn({ err: error }, 'authentication: the store is not reachable');
        throw new HttpError(503, 'store.unavailable', 'the database is not reachable');
      });
    let { snapshot, profile } = await find();
    // A token newer than what this instance knows: its copy of the accounts is a moment old.
    if (ver > (snapshot.credentials.get(sub)?.tokenVersion ?? 0)) {
      ctx.directory.invalidate();
      ({ snapshot, profile } = await find());
    }
    const account = profile && snapshot.credentials.get(profile.id);
    if (!profile || !account) throw invalid();
    if (!isActiveUser(profile)) throw deactivated();
    // The password, role or team changed, or the account was deactivated, since this token was issued.
    if (ver !== account.tokenVersion) throw invalid();
    request.outpostActor = serverActorOf(snapshot, profile);
  });
}
