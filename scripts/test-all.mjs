#!/usr/bin/env node
// `npm test`: every check CI relies on, in order of speed, stopping at the first failure.
// Lint and types first (a wrong import arrow fails here), then the Vitest projects (unit,
// renderer, integration: docs/testing.md), then a production build of the app and the
// end-to-end suite against it.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', ['npm', 'run', '--silent', 'lint']],
  ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
  ['unit, renderer and integration tests', ['npx', 'vitest', 'run']],
  ['build', ['npm', 'run', '--silent', 'build']],
  ['end-to-end tests', ['npx', 'playwright', 'test', '-c', 'tests/e2e/playwright.config.ts']],
];

const only = process.argv.slice(2);
const started = Date.now();
for (const [name, [cmd, ...args]] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
