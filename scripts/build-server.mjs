#!/usr/bin/env node
// Bundle the sync server's CLI (TypeScript, with the @domain alias) into out/server/cli.mjs, so
// `npm start`, the e2e suite and the desktop app run plain JavaScript. Packages stay external.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: [`${root}sync-server/cli.ts`],
  outfile: `${root}out/server/cli.mjs`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  tsconfig: `${root}tsconfig.json`,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
console.log('out/server/cli.mjs built');
