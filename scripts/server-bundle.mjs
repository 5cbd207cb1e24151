// How the sync server is bundled (TypeScript, with the @domain alias, packages left external): the
// CLI and the push decoder's thread, which loads its own file next to the CLI's
// (sync-server/replication/push-decoder.ts). scripts/build-server.mjs builds it into out/server;
// the integration tests into a folder of their own (tests/support/server-process.ts).
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles the server into `outdir` (cli.mjs, push-decoder-worker.mjs); `sourcemap` for shipping. */
export function bundleServer(outdir, { sourcemap = false } = {}) {
  return build({
    entryPoints: {
      cli: join(root, 'sync-server', 'cli.ts'),
      'push-decoder-worker': join(root, 'sync-server', 'replication', 'push-decoder-worker.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
}
