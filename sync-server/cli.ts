import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from './store/open-store';
import { buildServer } from './server';

const USAGE = `Usage: npm run server -- [--port 8787] [--host 127.0.0.1] [--db sqlite:data/outpost.db | postgres://…] [--app dist/renderer | --no-app]

Environment: OUTPOST_PORT, OUTPOST_HOST, OUTPOST_DB, LOG_LEVEL.`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      app: { type: 'string' },
      'no-app': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? process.env.OUTPOST_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, not ${values.port}`);
  const host = values.host ?? process.env.OUTPOST_HOST ?? '127.0.0.1';
  const dbUrl = values.db ?? process.env.OUTPOST_DB ?? 'sqlite:data/outpost.db';
  const appDir = values['no-app'] ? null : resolve(values.app ?? 'dist/renderer');
  const rendererDir = appDir && (values.app || existsSync(resolve(appDir, 'index.html'))) ? appDir : null;

  const store = await openStore(dbUrl);
  const app = await buildServer({ store, rendererDir, logger: { level: process.env.LOG_LEVEL ?? 'info' } });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const address = await app.listen({ port, host });
  const url = address.replace('[::1]', '127.0.0.1');
  // The one line scripts (npm start, tests) wait for; keep its shape.
  console.log(`Outpost sync server listening at ${url} (store: ${store.kind}${rendererDir ? `, app: ${url}` : ''})`);
}

main().catch((error: unknown) => {
  console.error(`Outpost sync server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
