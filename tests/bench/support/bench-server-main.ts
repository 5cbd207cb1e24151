import { parseArgs } from 'node:util';
import { defaultDecoderThreads } from '../../../sync-server/replication/push-decoder';
import { buildServer } from '../../../sync-server/server';
import { openStore } from '../../../sync-server/store/open-store';

/** Child process of bench-server.ts: the sync server as `npm run server` runs it, minus the logs. */
async function main() {
  const { values } = parseArgs({ options: { db: { type: 'string' }, app: { type: 'string' } } });
  if (!values.db) throw new Error('--db is required');
  const store = await openStore(values.db);
  // Single-user, as the desktop runs it: clients sign in through /auth/local-session (loopback).
  const app = await buildServer({
    store,
    rendererDir: values.app ?? null,
    auth: { mode: 'single-user' },
    logger: false,
    decoderThreads: defaultDecoderThreads(),
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // The benchmark is over: do not wait for clients' keep-alive sockets to time out.
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  console.log(`BENCH_SERVER_READY http://127.0.0.1:${port}`);
}

main().catch((error: unknown) => {
  console.error('bench server failed:', error);
  process.exit(1);
});
