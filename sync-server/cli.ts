import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AuthMode } from '@domain/auth-protocol';
import { assertAuthModeFitsHost } from './auth/auth-config';
import { openStore } from './store/open-store';
import { defaultDecoderThreads } from './replication/push-decoder';
import { buildServer } from './server';
import { formatReadyLine } from './ready-line.mjs';

const USAGE = `Usage: npm run server -- [--port 8787] [--host 127.0.0.1] [--db sqlite:data/outpost.db | postgres://…] [--app dist/renderer | --no-app] [--auth single-user | team]

--auth single-user (the default): one owner, signed in without a password; loopback hosts only.
--auth team: accounts with passwords; the first person to finish setup becomes the Sales Manager.
--decoder-threads: threads that decode pushes off the event loop (default: one per core beyond the
  first, at most 4; 0 decodes on the event loop).

Environment: OUTPOST_PORT, OUTPOST_HOST, OUTPOST_DB, OUTPOST_AUTH, OUTPOST_DECODER_THREADS, LOG_LEVEL.`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      app: { type: 'string' },
      'no-app': { type: 'boolean' },
      auth: { type: 'string' },
      'decoder-threads': { type: 'string' },
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

  const authMode = values.auth ?? process.env.OUTPOST_AUTH ?? 'single-user';
  if (authMode !== 'single-user' && authMode !== 'team')
    throw new Error(`--auth must be single-user or team, not ${authMode}`);
  // Before opening anything: a single-user server on a public address would let anyone in.
  assertAuthModeFitsHost(authMode, host);

  const threadsOption = values['decoder-threads'] ?? process.env.OUTPOST_DECODER_THREADS;
  const decoderThreads = threadsOption === undefined ? defaultDecoderThreads() : Number(threadsOption);
  if (!Number.isInteger(decoderThreads) || decoderThreads < 0 || decoderThreads > 64)
    throw new Error(`--decoder-threads must be 0–64, not ${threadsOption}`);

  const store = await openStore(dbUrl);
  const app = await buildServer({
    store,
    rendererDir,
    auth: { mode: authMode satisfies AuthMode },
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    decoderThreads,
  });

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
  // The one line every starter waits for (npm start, Electron, tests, benches): its shape is part of
  // the CLI's contract (docs/sync-protocol.md, "Starting a server").
  console.log(formatReadyLine({ url, store: store.kind, auth: authMode, app: rendererDir !== null }));
}

main().catch((error: unknown) => {
  console.error(`Outpost sync server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
