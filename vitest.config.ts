import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = {
  '@domain': fileURLToPath(new URL('./domain', import.meta.url)),
  '@demo-data': fileURLToPath(new URL('./demo-data/index.ts', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/electron/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'electron',
          environment: 'node',
          include: ['tests/unit/electron/**/*.test.ts'],
          setupFiles: ['tests/unit/electron/mock-electron.ts'],
        },
      },
      {
        resolve: { alias },
        // Components and hooks in a DOM (jsdom), with Testing Library: docs/testing.md.
        define: { __OUTPOST_DEV__: 'false' },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.tsx'],
          setupFiles: ['tests/renderer/setup.ts'],
          // A guard against a hang, not a speed target: on a loaded two-core machine a test that
          // takes a second alone can take several.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/postgres-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
