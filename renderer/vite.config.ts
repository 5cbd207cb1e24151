import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ mode }) => ({
  root,
  base: './',
  plugins: [react()],
  resolve: { alias: { '@domain': fileURLToPath(new URL('../domain', import.meta.url)) } },
  define: {
    // RxDB dev-mode (schema validation, deep-freeze) only in development builds, never in production.
    __OUTPOST_DEV__: JSON.stringify(mode === 'development'),
  },
  // The storage worker (renderer/db/storage/storage.worker.ts) is a module worker, like the page.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
}));
