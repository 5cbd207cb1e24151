import type { IncomingMessage } from 'node:http';

/**
 * Access tokens travel only in the Authorization header. A client from before that rule may still
 * put one in the URL (`?access_token=`, once the change stream's way): it is cut out before
 * routing, so it never reaches a log line (Fastify's rewriteUrl runs before anything logs the
 * URL), and never used; the request is answered 401 with a message that says where the token goes.
 */
const strippedFrom = new WeakSet<IncomingMessage>();

export function stripAccessToken(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const queryAt = url.indexOf('?');
  if (queryAt < 0 || !url.includes('access_token', queryAt)) return url;
  const params = new URLSearchParams(url.slice(queryAt + 1));
  if (!params.has('access_token')) return url;
  strippedFrom.add(request);
  params.delete('access_token');
  const rest = params.toString();
  return url.slice(0, queryAt) + (rest ? `?${rest}` : '');
}

/** Whether the request came with `?access_token=` (now cut out of its URL). */
export function hadAccessTokenInUrl(request: IncomingMessage): boolean {
  return strippedFrom.has(request);
}
