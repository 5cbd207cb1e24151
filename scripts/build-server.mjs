#!/usr/bin/env node
// Bundle the sync server (scripts/server-bundle.mjs) into out/server: cli.mjs and the push
// decoder's thread, so `npm start`, the e2e suite and the desktop app run plain JavaScript.
import { fileURLToPath } from 'node:url';
import { bundleServer } from './server-bundle.mjs';

await bundleServer(fileURLToPath(new URL('../out/server', import.meta.url)), { sourcemap: true });
console.log('out/server built (cli.mjs, push-decoder-worker.mjs)');
