import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AuthMode } from '@domain/auth-protocol';
import { assertAuthModeFitsHost } from './auth/auth-config';
import { describeKeyring, readKeyring, removeSigningKey, rotateSigningKey } from './auth/signing-keys';
import { openStore } from './store/open-store';
import { defaultDecoderThreads } from './replication/push-decoder';
import { buildServer } from './server';
import { formatReadyLine } from './ready-line.mjs';

const USAGE = `Usage: npm run server -- [--port 8787] [--host 127.0.0.1] [--db sqlite:data/outpost.db | postgres://…] [--app dist/renderer | --no-app] [--auth single-user | team]

--auth single-user (the default): one owner, signed in without a password; loopback hosts only.
--auth team: accounts with passwords; the first person to finish setup becomes the Sales Manager.
--decoder-threads: threads that decode pushes off the event loop (default: one per core beyond the
  first, at most 4; 0 decodes on the event loop).

OUTPOST_LOCAL_KEY (single-user mode): the launch key the owner's app presents to sign in; whoever
  starts the server makes it and hands it only to that app. An environment variable, not a flag,
  because other users of the machine can read a process's flags. Without it nobody can sign in.

Access token signing keys of the database given with --db (docs/security.md, "Signing keys"); each
command does its work and exits, running servers follow within seconds:
  --list-signing-keys          the keys, newest first, and which one signs new tokens
  --rotate-signing-key         a new key signs new tokens; tokens of the previous ones stay valid
  --remove-signing-key <id>    tokens signed with that key are refused (not the current key)

Environment: OUTPOST_PORT, OUTPOST_HOST, OUTPOST_DB, OUTPOST_AUTH, OUTPOST_DECODER_THREADS,
  OUTPOST_LOCAL_KEY, LOG_LEVEL.`;

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
      'list-signing-keys': { type: 'boolean' },
      'rotate-signing-key': { type: 'boolean' },
      'remove-signing-key': { type: 'string' },
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
  if (values['list-signing-keys'] || values['rotate-signing-key'] || values['remove-signing-key'] !== undefined) {
    await signingKeyCommand(dbUrl, values);
    return;
  }
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

  const localKey = process.env.OUTPOST_LOCAL_KEY || undefined;
  // Nothing started later by this process (decoder threads, a shell) needs to see it.
  delete process.env.OUTPOST_LOCAL_KEY;
  if (authMode === 'single-user' && !localKey) {
    console.warn(
      'No OUTPOST_LOCAL_KEY: nobody can sign in to this single-user server. Start Outpost with `npm start`, which makes one.',
    );
  }

  const store = await openStore(dbUrl);
  const app = await buildServer({
    store,
    rendererDir,
    auth: { mode: authMode satisfies AuthMode, ...(localKey ? { localKey } : {}) },
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

/** One key command against the database, then exit: it never starts a server. */
async function signingKeyCommand(
  dbUrl: string,
  values: { 'rotate-signing-key'?: boolean; 'remove-signing-key'?: string },
): Promise<void> {
  const store = await openStore(dbUrl);
  try {
    const now = Date.now();
    let ring = await readKeyring(store.auth, now);
    if (values['rotate-signing-key']) {
      ring = await rotateSigningKey(store.auth, now);
      console.log(`New signing key ${ring.current}: servers sign with it within seconds.`);
    }
    const removing = values['remove-signing-key'];
    if (removing !== undefined) {
      ring = await removeSigningKey(store.auth, removing, now);
      console.log(`Signing key ${removing} removed: servers refuse its tokens within seconds.`);
    }
    console.log(`Access token signing keys (store: ${store.kind}), newest first:\n${describeKeyring(ring)}`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Outpost sync server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
