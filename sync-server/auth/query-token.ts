import type { IncomingMessage } from 'node:http';

/**
 * `?access_token=` (the change stream's, as EventSource cannot send headers) is cut out of the
 * URL before routing, so it never reaches a log line, and kept beside the request for the
 * authentication hook. Fastify's rewriteUrl runs before anything logs the URL.
 */
const tokens = new WeakMap<IncomingMessage, string>();

export function stripAccessToken(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const queryAt = url.indexOf('?');
  if (queryAt < 0 || !url.includes('access_token', queryAt)) return url;
  const params = new URLSearchParams(url.slice(queryAt + 1));
  const token = params.get('access_token');
  if (token) tokens.set(request, token);
  params.delete('access_token');
  const rest = params.toString();
  return url.slice(0, queryAt) + (rest ? `?${rest}` : '');
}

export function queryAccessToken(request: IncomingMessage): string | undefined {
  return tokens.get(request);
}
