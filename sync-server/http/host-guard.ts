import type { FastifyInstance } from 'fastify';
import { HttpError } from './api-error';

/** The names a loopback server is reached by, as a Host header has them (without the port). */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether `host` (a Host header) names this loopback server: one of its loopback names and the port
 * the request arrived on. A port may be left out only on port 80, as HTTP clients do.
 */
export function isOwnLoopbackHost(host: string | undefined, port: number | undefined): boolean {
  if (!host || !port) return false;
  const match = /^(\[[^\]]*\]|[^:]+)(?::(\d{1,5}))?$/.exec(host.toLowerCase());
  if (!match || !LOOPBACK_NAMES.has(match[1]!)) return false;
  return Number(match[2] ?? 80) === port;
}

/**
 * A single-user server answers only requests addressed to its own loopback names (421
 * `request.wrongHost` otherwise). A page whose own name an attacker's DNS points at 127.0.0.1
 * (DNS rebinding) is same-origin with itself, not with us, so the browser lets it read our answers:
 * its requests still carry its name in Host, and that is what this refuses. Runs before every
 * other hook, CORS included.
 */
export function installLoopbackHostGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!isOwnLoopbackHost(request.headers.host, request.socket.localPort)) {
      throw new HttpError(421, 'request.wrongHost', 'this server answers only at its own loopback address');
    }
  });
}
