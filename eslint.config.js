// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

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

/** The feature areas: every folder of renderer/features/ (docs/adr/0028-renderer-boundaries.md). */
const featureAreas = readdirSync(new URL('./renderer/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Where the store is queried and written: the data layer, and the palette's index it keeps current. */
const storeOwners = ['renderer/db/**', 'renderer/search/**'];
/** Keeps the web session in an IndexedDB database of its own (a `db` there is an IDBDatabase). */
const browserStorage = ['renderer/platform/**'];
const storeMessage =
  'Queries and writes on the store live once in renderer/db/: call a function there (docs/adr/0028-renderer-boundaries.md).';
const demoDataImport = {
  selector: 'ImportExpression[source.value=/demo-data/]',
  message: 'Only renderer/features/onboarding/ loads demo data (docs/adr/0022-demo-data-layer.md).',
};

/** RxDB's collection calls (`db.deals.find(…)`, `ws.db[name].bulkInsert(…)`) and the database's own (`db.upsertLocal(…)`). */
const storeCall = (message) => [
  {
    selector:
      "CallExpression > MemberExpression.callee > MemberExpression.object:matches([object.name='db'], [object.property.name='db'])",
    message,
  },
  {
    selector: "CallExpression > MemberExpression.callee:matches([object.name='db'], [object.property.name='db'])",
    message,
  },
];
const storeCalls = storeCall(storeMessage);

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
    // In rxdb 17.6 these flatten event bulks through a module-level Map that is never emptied, so a
    // subscriber kept every record a sync wrote on the heap (docs/adr/0043-change-events-without-rxdb-cache.md).
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['getLocal$', 'insert$', 'update$', 'remove$'].map((property) => ({
          property,
          message:
            'Keeps every event bulk it sees (docs/adr/0043-change-events-without-rxdb-cache.md): use localDocument$ (renderer/db/local-document.ts) or changesOf (renderer/db/collection-changes.ts).',
        })),
      ],
    },
  },
  {
    // import() of demo data: the onboarding only. Queries and writes on the store: renderer/db/ only.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/features/onboarding/**', ...storeOwners, ...browserStorage],
    rules: { 'no-restricted-syntax': ['error', demoDataImport, ...storeCalls] },
  },
  {
    files: [...storeOwners, ...browserStorage],
    rules: { 'no-restricted-syntax': ['error', demoDataImport] },
  },
  {
    files: ['renderer/features/onboarding/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...storeCalls] },
  },
  {
    // Boundaries inside the renderer (docs/adr/0028-renderer-boundaries.md); import cycles are
    // checked by scripts/check-renderer-cycles.mjs. A separate rule name from the layer rules
    // above, so neither list replaces the other.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', ...storeOwners],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'rxdb', message: storeMessage }],
          patterns: [{ group: ['rxdb/*'], message: storeMessage }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: './renderer/ui',
              from: './renderer/features',
              message:
                'renderer/ui/ is shared by every feature and imports none (docs/adr/0028-renderer-boundaries.md).',
            },
            ...featureAreas.map((area) => ({
              target: [
                './renderer/*.{ts,tsx}',
                './renderer/!(features)/**',
                './renderer/features/*.{ts,tsx}',
                `./renderer/features/!(${area})/**`,
              ],
              from: `./renderer/features/${area}`,
              except: ['./index.ts'],
              message: `Import the ${area} feature through its entry, renderer/features/${area}/index.ts (docs/adr/0028-renderer-boundaries.md).`,
            })),
          ],
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
