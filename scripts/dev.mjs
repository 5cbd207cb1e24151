#!/usr/bin/env node
// `npm run dev`: the renderer's Vite dev server, plus Electron (main and preload rebuilt on change
// by electron-vite) when its binary is present; otherwise the dev server alone, in the browser.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { electronBinaryPath } from './electron-binary.mjs';
import { startSyncServer } from './sync-server-process.mjs';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

// A sync server for the dev renderer (API only, on its own port and development database). The
// page reaches it through Vite's proxy on the page's own origin: a single-user server grants no
// cross-origin access (docs/security.md).
spawnSync(process.execPath, [join(projectDir, 'scripts', 'build-server.mjs')], { stdio: 'inherit' });
const syncServer = await startSyncServer({ projectDir, dbUrl: `sqlite:${join(projectDir, 'data', 'dev.db')}` });
process.env.OUTPOST_DEV_SYNC_URL = syncServer.url;
console.log(`Sync server for development at ${syncServer.url}`);

const vite = await createServer({ configFile: join(projectDir, 'renderer', 'vite.config.ts'), mode: 'development' });
await vite.listen();
const rendererUrl = vite.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? `http://127.0.0.1:${vite.config.server.port}`;

let electron = null;
if (electronBinaryPath(projectDir)) {
  console.log(`Renderer dev server at ${rendererUrl}; starting Electron…`);
  const cli = join(projectDir, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  electron = spawn(
    process.execPath,
    [
      cli,
      'dev',
      '--config',
      join(projectDir, 'electron', 'electron.vite.config.ts'),
      '--watch',
      '--ignoreConfigWarning',
    ],
    {
      cwd: projectDir,
      stdio: 'inherit',
      env: {
        ...process.env,
        ELECTRON_RENDERER_URL: rendererUrl,
        OUTPOST_SYNC_URL: rendererUrl,
        OUTPOST_LOCAL_KEY: syncServer.localKey,
      },
    },
  );
  electron.on('close', () => void shutdown());
} else {
  console.log(
    `Electron's binary is not available on this machine; open Outpost in your browser at ${rendererUrl}/#k=${syncServer.localKey}`,
  );
}

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  if (electron && electron.exitCode === null && electron.signalCode === null) electron.kill('SIGTERM');
  await vite.close();
  await syncServer.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
