import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The record-table benchmark page (tests/bench/tables/record-table.bench.ts): the app's own Contacts
 * section, database and styles, bundled like the production renderer build, into
 * dist/bench-tables. Not part of the app build. OUTPOST_BENCH_UNMINIFIED=1 keeps names for profiles.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  resolve: {
    alias: {
      '@domain': fileURLToPath(new URL('../../../../domain', import.meta.url)),
      // The demo loader (its batch size is the seed's) imports the generator by this name (ADR 0022).
      '@demo-data': fileURLToPath(new URL('../../../../demo-data/index.ts', import.meta.url)),
    },
  },
  define: { __OUTPOST_DEV__: 'false' },
  // The storage worker (renderer/db/storage/storage.worker.ts) is a module worker, like the page.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../../../../dist/bench-tables', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    minify: process.env.OUTPOST_BENCH_UNMINIFIED !== '1',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
});
