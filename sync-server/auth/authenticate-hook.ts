import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../http/api-error';
import { verifyAccessToken } from './access-token';
import type { AuthContext } from './auth-context';
import { isLoopbackAddress } from './auth-config';
import { deactivated } from './auth-routes';
import { queryAccessToken } from './query-token';
import { isActiveUser, serverActorOf } from './user-directory';

/** Routes that act as a user; everything else (/healthz, /auth/status, sign-in, app files) is public. */
function needsUser(route: string): boolean {
  return route.startsWith('/sync/') || route.startsWith('/admin/') || route === '/auth/me';
}

function tokenOf(request: FastifyRequest, route: string): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer +(\S+)\s*$/i.exec(header);
    return match?.[1] ?? '';
  }
  // EventSource cannot send headers: the change stream, and only it, takes the token in the URL.
  if (route === '/sync/stream' && request.method === 'GET') return queryAccessToken(request.raw);
  return undefined;
}

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
    const token = tokenOf(request, route);
    if (token === undefined || token === '') {
      throw new HttpError(401, 'auth.required', 'sign in first: this request carries no access token');
    }
    const check = verifyAccessToken(token, ctx.signingKey, ctx.tokenNow());
    const invalid = () =>
      new HttpError(401, 'auth.invalidToken', 'the access token is not valid or has expired: refresh it');
    if (!check.ok) throw invalid();
    const { snapshot, profile } = await ctx.directory.find(check.claims.sub).catch((error: unknown) => {
      request.log.warn({ err: error }, 'authentication: the store is not reachable');
      throw new HttpError(503, 'store.unavailable', 'the database is not reachable');
    });
    if (!profile || !snapshot.credentials.has(profile.id)) throw invalid();
    if (!isActiveUser(profile)) throw deactivated();
    request.outpostActor = serverActorOf(snapshot, profile);
  });
}
