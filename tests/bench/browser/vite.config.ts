import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The browser benchmark page (tests/bench/sync/initial.bench.ts loads it from the sync server):
 * the app's own database and sync modules, bundled like the production renderer build, into
 * dist/bench. Not part of the app build. OUTPOST_BENCH_UNMINIFIED=1 keeps names for profiles.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: { alias: { '@domain': fileURLToPath(new URL('../../../domain', import.meta.url)) } },
  define: { __OUTPOST_DEV__: 'false' },
  // The storage worker (renderer/db/storage/storage.worker.ts) is a module worker, like the page.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../../../dist/bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    minify: process.env.OUTPOST_BENCH_UNMINIFIED !== '1',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
});
