import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The first-run benchmark's floor page (raw pulls + Dexie bulkPut), built into a folder of the
 * bench's app build (dist/bench-first-run/bench-floor) so that the sync server serves it from the
 * app's own origin, under the app's CSP. Not part of the app build.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../../dist/bench-first-run/bench-floor', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
