import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The browser benchmark pages, bundled like the production renderer build into dist/bench (not
 * part of the app build): index.html, the app's own database and sync modules (initial sync and
 * list search, loaded from the sync server); palette.html, the command palette's search engine and
 * a result list (tests/bench/search/palette.bench.ts). OUTPOST_BENCH_UNMINIFIED=1 keeps names for profiles.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: {
      '@domain': fileURLToPath(new URL('../../../domain', import.meta.url)),
      // The app's demo loader imports the generator by this name (ADR 0022).
      '@demo-data': fileURLToPath(new URL('../../../demo-data/index.ts', import.meta.url)),
    },
  },
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
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        palette: fileURLToPath(new URL('./palette.html', import.meta.url)),
      },
    },
  },
});
