import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { errorBody } from '../http/api-error';
import type { Store } from '../store/store';

export interface ChangeStreamOptions {
  /** Pokes are coalesced to at most one per this many ms per client. */
  coalesceMs?: number;
  heartbeatMs?: number;
}

/**
 * `GET /sync/stream`: server-sent events that only say "there is something new, pull" (docs/sync-pitfalls.md, pitfall 9:
 * payload-free pokes cannot be lost or misapplied; the pull by checkpoint is the truth). A `resync`
 * event on every (re)connect makes a device that was away pull whatever it missed.
 */
export function registerChangeStream(app: FastifyInstance, store: Store, options: ChangeStreamOptions = {}) {
  const coalesceMs = options.coalesceMs ?? 25;
  const heartbeatMs = options.heartbeatMs ?? 20_000;
  const open = new Set<ServerResponse>();
  let closing = false;

  app.addHook('preClose', async () => {
    closing = true;
    for (const res of open) res.end();
    open.clear();
  });

  app.get('/sync/stream', async (request, reply) => {
    // Read the head before hijacking: once hijacked, a failure could no longer be answered and the
    // device would wait on a silent stream forever instead of retrying.
    let latest: number;
    try {
      latest = await store.currentSeq();
    } catch (error) {
      request.log.warn({ err: error }, 'change stream: the store is not reachable');
      return reply.status(503).send(errorBody('store.unavailable', 'the database is not reachable'));
    }
    // The device may have gone while we read: subscribing now would leak the listener and timer.
    if (request.raw.destroyed || reply.raw.destroyed) return reply.hijack();
    // A request routed just before close() began can get here after preClose ended the open
    // streams: a stream opened now would never end, and close() (a restart) would wait forever.
    if (closing)
      return reply.status(503).send(errorBody('server.closing', 'the server is restarting; retry in a moment'));
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      ...corsHeaders(reply.getHeaders()),
    });
    open.add(res);
    res.write(`retry: 2000\nevent: resync\ndata: ${JSON.stringify({ seq: latest })}\n\n`);

    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      res.write(`event: change\ndata: ${JSON.stringify({ seq: latest })}\n\n`);
    };
    const unsubscribe = store.onCommitted((seq) => {
      latest = Math.max(latest, seq);
      timer ??= setTimeout(flush, coalesceMs);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    const cleanup = () => {
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(timer);
      open.delete(res);
    };
    request.raw.on('close', cleanup);
    res.on('error', cleanup);
  });
}

/** A hijacked reply skips Fastify's onSend hooks, so carry over the CORS headers already set. */
function corsHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (key.startsWith('access-control-') && typeof value === 'string') out[key] = value;
  }
  return out;
}
