#!/usr/bin/env node
// `npm start`: build, then run Outpost in Electron, or, where Electron's binary cannot be had,
// serve the same renderer in the browser. OUTPOST_SKIP_BUILD=1 reuses the previous build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveElectronBinary } from './electron-binary.mjs';
import { startSyncServer } from './sync-server-process.mjs';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = join(projectDir, 'dist', 'renderer');
const DEFAULT_PORT = 5183;

function build() {
  if (process.env.OUTPOST_SKIP_BUILD === '1') return;
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: projectDir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error('The build failed (see above); Outpost was not started.');
    process.exit(result.status ?? 1);
  }
}

const dbUrl = process.env.OUTPOST_DB ?? `sqlite:${join(projectDir, 'data', 'outpost.db')}`;

// The single-user sync server on SQLite runs beside the app (docs/adr/0006-embedded-sync-server.md):
// under this Node in development; a packaged app starts its own.
async function runElectron(binary) {
  const server = await startSyncServer({ projectDir, dbUrl });
  // The launch key goes to the app with the server it belongs to, never with a server set by hand.
  const ownServer = process.env.OUTPOST_SYNC_URL
    ? {}
    : { OUTPOST_SYNC_URL: server.url, OUTPOST_LOCAL_KEY: server.localKey };
  const child = spawn(binary, [projectDir, ...process.argv.slice(2)], {
    cwd: projectDir,
    stdio: 'inherit',
    env: { ...process.env, ...ownServer },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Electron could not be started: ${error.message}`);
    void server.stop().then(() => process.exit(1));
  });
  child.on('close', (code, signal) => void server.stop().then(() => process.exit(code ?? (signal ? 1 : 0))));
}

async function runInBrowser(reason) {
  console.log(
    `Electron's binary is not available on this machine (${reason}); serving Outpost in your browser instead.`,
  );
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`There is no renderer build in ${rendererDir}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const requested = Number.parseInt(process.env.PORT ?? '', 10);
  const port = Number.isInteger(requested) && requested >= 0 && requested < 65536 ? requested : DEFAULT_PORT;
  let server;
  try {
    server = await startSyncServer({ projectDir, dbUrl, port, appDir: rendererDir });
  } catch (error) {
    if (!String(error.message).includes('EADDRINUSE')) throw error;
    server = await startSyncServer({ projectDir, dbUrl, port: 0, appDir: rendererDir });
  }
  // The key of this launch rides in the fragment, which the browser never sends anywhere; the app
  // moves it out of the address bar at once (renderer/platform/launch-key.ts).
  console.log(`Outpost is running. Open this address (it is new at every start): ${server.url}/#k=${server.localKey}`);
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

build();
const electron = await resolveElectronBinary(projectDir);
if (electron.path) await runElectron(electron.path);
else await runInBrowser(electron.reason);
