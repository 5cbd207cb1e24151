import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The server's own endpoints: a navigation there goes to the server, never to the cached app, and
 * nothing under them is ever cached (docs/adr/0017-browser-app-service-worker.md).
 */
const SERVER_PATHS = /^\/(sync|auth|admin|healthz?)(\/|$)/;

export default defineConfig(({ mode }) => ({
  root,
  base: './',
  plugins: [
    react(),
    // The browser build's service worker (sw.js): precaches the app shell so that a browser that
    // loaded Outpost once opens it offline. Registered from renderer/platform only in a plain
    // browser; the desktop app loads from app:// and never registers it (ADR 0017).
    VitePWA({
      strategies: 'generateSW',
      // Registration is ours (register-service-worker.ts): no inline script (the CSP forbids one).
      injectRegister: false,
      // An update activates at once; the open page is told and offered a reload (ADR 0017).
      registerType: 'autoUpdate',
      manifest: false,
      filename: 'sw.js',
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [SERVER_PATHS],
        // Only the precache: no runtime caching, so no response of the server's API is ever stored.
        runtimeCaching: [],
        skipWaiting: true,
        clientsClaim: false,
        cleanupOutdatedCaches: true,
        inlineWorkboxRuntime: true,
        sourcemap: false,
      },
    }),
  ],
  resolve: {
    alias: {
      '@domain': fileURLToPath(new URL('../domain', import.meta.url)),
      // Loaded only when someone asks for the demo workspace: a chunk of its own (load-demo-data.ts).
      '@demo-data': fileURLToPath(new URL('../demo-data/index.ts', import.meta.url)),
    },
  },
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
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    // `npm run dev`: the sync server's endpoints on the page's own origin. A single-user server
    // answers only its own Host name, and grants no cross-origin access (docs/security.md).
    ...(process.env.OUTPOST_DEV_SYNC_URL
      ? { proxy: { [SERVER_PATHS.source]: { target: process.env.OUTPOST_DEV_SYNC_URL, changeOrigin: true } } }
      : {}),
  },
}));
