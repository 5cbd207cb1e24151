import type { FastifyInstance } from 'fastify';
import type { Socket } from 'node:net';
import { errorBody } from './api-error';

/** How long a connection may take to flush its last answer once the server closes. */
const FLUSH_GRACE_MS = 2_000;

/**
 * `app.close()` that finishes what it accepted and then really stops. Node's `server.close()`
 * waits for every open connection but closes only those idle at that instant: a keep-alive
 * connection whose request finishes later, or one that never sent a request (browsers and undici
 * open spare ones), would hold a SIGTERM'd server for a minute or more (the client's keep-alive
 * timeout). So, once closing: requests already running finish and their connection closes after
 * the answer; connections with nothing in flight close at once; new requests get a 503 in the
 * API's error shape (Fastify's own `return503OnClosing` answers in another shape).
 */
export function installGracefulClose(app: FastifyInstance): void {
  let closing = false;
  const inFlight = new Map<Socket, number>();

  const endSoon = (socket: Socket) => {
    socket.end();
    setTimeout(() => socket.destroy(), FLUSH_GRACE_MS).unref();
  };

  app.server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  app.server.on('request', (request, response) => {
    const socket = request.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      if (inFlight.has(socket)) inFlight.set(socket, left);
      if (closing && left === 0) endSoon(socket);
    });
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    reply.header('Connection', 'close');
    return reply.status(503).send(errorBody('server.closing', 'the server is restarting; retry in a moment'));
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('Connection', 'close');
  });
  app.addHook('preClose', async () => {
    closing = true;
    for (const [socket, requests] of inFlight) if (requests === 0) endSoon(socket);
  });
}
