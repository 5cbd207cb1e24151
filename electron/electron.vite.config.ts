import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';

/**
 * electron-vite builds the two Node-side bundles only: main (ESM, as package.json "type": "module"
 * and Electron ≥ 28 allow) and preload (one CommonJS file, because a sandboxed preload cannot load
 * ES modules or require anything but a few Electron built-ins). The renderer is a plain Vite build
 * (renderer/vite.config.ts → dist/renderer) that main serves through the app:// protocol.
 */
const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const alias = { '@domain': fromHere('../domain') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: fromHere('../out/main'),
      emptyOutDir: true,
      sourcemap: true,
      lib: { entry: fromHere('main/index.ts'), formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: 'index.js' } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: fromHere('../out/preload'),
      emptyOutDir: true,
      sourcemap: 'inline',
      // Bundle everything: the sandboxed preload can require only 'electron', nothing from node_modules.
      externalizeDeps: false,
      lib: { entry: fromHere('preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: 'index.cjs', codeSplitting: false } },
    },
  },
});
