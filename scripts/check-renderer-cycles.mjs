#!/usr/bin/env node
// Part of `npm run lint`: no import cycle inside renderer/ (docs/adr/0028-renderer-boundaries.md).
// Type-only imports count too: a cycle of types is still two modules that cannot be understood,
// moved or tested apart, and ESLint's import-x/no-cycle skips them. dpdm reads the imports with
// TypeScript's own parser and resolves the `@domain/…` aliases from tsconfig.json.
// Usage: node scripts/check-renderer-cycles.mjs   (exits 1 and prints each cycle when there is one)
import { parseCircular, parseDependencyTree } from 'dpdm';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The import cycles among renderer/ files, each as the list of files around it (paths from the repo root). */
export async function rendererCycles() {
  const tree = await parseDependencyTree('renderer/**/*.{ts,tsx}', {
    cwd: root,
    context: root,
    tsconfig: resolve(root, 'tsconfig.json'),
    transform: false,
    // Only renderer/ is read: nothing outside it imports renderer/, so no renderer cycle passes
    // through another folder.
    include: new RegExp(`^${escapeRegExp(resolve(root, 'renderer'))}/`),
    exclude: /\/node_modules\/|\.d\.ts$/,
    skipDynamicImports: false,
  });
  return parseCircular(tree);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cycles = await rendererCycles();
  if (cycles.length) {
    console.error('Import cycles in renderer/ (docs/adr/0028-renderer-boundaries.md):');
    for (const cycle of cycles) console.error(`  ${[...cycle, cycle[0]].join(' -> ')}`);
    process.exit(1);
  }
}
