// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The layer rules of docs/adr/0001 and 0022: arrows point one way, and a wrong arrow fails lint. */
const ours = (...layers) => layers.flatMap((l) => [`**/${l}/**`, `${l}/*`, `@${l}/*`]);
/** demo-data/ is also imported whole, by its index (`@demo-data`, `../demo-data`). */
const demoData = [...ours('demo-data'), '**/demo-data', '@demo-data'];

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
  'zlib',
];

/** A layer of pure TypeScript (domain/, demo-data/): no platform, UI or storage code, and only the given arrows. */
function pureLayer(layer, forbiddenOfOurs, forbiddenMessage) {
  return {
    files: [`${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'react', 'react-dom', 'rxdb', 'dexie', 'electron', 'fastify', 'zustand'].map(
            (name) => ({
              name,
              message: `${layer}/ is pure: no platform, UI or storage code (docs/adr/0001-layers.md).`,
            }),
          ),
          patterns: [
            { group: ['node:*', 'rxdb/*', 'react/*'], message: `${layer}/ is pure: no platform, UI or storage code.` },
            { group: forbiddenOfOurs, message: forbiddenMessage },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'Buffer',
        'require',
        'localStorage',
        'indexedDB',
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: ['node_modules', 'out', 'dist', 'data', 'bench/results', 'test-results', 'playwright-report', '.ci'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  pureLayer(
    'domain',
    [...demoData, ...ours('renderer', 'sync-server', 'electron', 'tests', 'scripts')],
    'domain/ imports nothing of ours.',
  ),
  pureLayer(
    'demo-data',
    ours('renderer', 'sync-server', 'electron', 'tests', 'scripts'),
    'demo-data/ may import domain/ only (docs/adr/0022-demo-data-layer.md).',
  ),
  {
    files: ['sync-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...ours('renderer', 'electron', 'tests'), ...demoData],
              message: 'sync-server/ may import domain/ only (docs/adr/0001-layers.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...ours('renderer', 'tests'), ...demoData],
              message: 'electron/ may import domain/ and sync-server/ only (docs/adr/0001-layers.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the composition root touches Electron's runtime: everything else takes injected facades.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/index.ts', 'electron/preload/index.ts', 'electron/electron.vite.config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', allowTypeImports: true, message: 'Inject Electron APIs; import only types here.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The renderer has no Node: go through window.outpost.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: go through window.outpost.' },
            {
              group: ours('sync-server', 'electron', 'tests'),
              message: 'renderer/ may import domain/ only (docs/adr/0001-layers.md).',
            },
            {
              group: demoData,
              message:
                'Demo data is loaded with import() in renderer/features/onboarding/, so it stays out of the main bundle (docs/adr/0022-demo-data-layer.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // import() of demo data: the onboarding only.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/features/onboarding/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/demo-data/]',
          message: 'Only renderer/features/onboarding/ loads demo data (docs/adr/0022-demo-data-layer.md).',
        },
      ],
    },
  },
  {
    // Plain modules the server shares with scripts that run under bare Node (sync-server/ready-line.mjs).
    files: ['sync-server/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Of the scripts, only the seed writes demo data.
    files: ['scripts/**/*.{ts,mjs}'],
    ignores: ['scripts/seed.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: demoData,
              message: 'Only scripts/seed.ts uses demo data (docs/adr/0022-demo-data-layer.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{ts,mjs}', 'tests/**/*.ts', 'sync-server/cli.ts', '**/*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
);
