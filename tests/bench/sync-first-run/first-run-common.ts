import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build as bundle } from 'esbuild';
import type { Page } from 'playwright-core';
import type { ProbeState } from './page/protocol';

/** What the first-run benchmark's runs share: who signs in, what they pull, what the probe saw. */
export const PART = 'sync-first-run';
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The server's maximum page, which the app's initial-sync bootstrap pulls (renderer/db/sync/bootstrap.ts). */
export const PULL_LIMIT = 1000;
export const MANAGER = {
  name: 'Emma Clarke',
  email: 'emma.clarke@outpost.example',
  password: 'first-run bench passphrase',
};
/** The header's status text once nothing is left to pull or push (renderer/i18n/en.ts header.sync.synced). */
export const SYNCED = 'Synced';

export interface LongTaskStats {
  count: number;
  sumMs: number;
  maxMs: number;
}

/** The probe (probe.ts) as one script, bundled here: Playwright runs it before the app's own. */
export async function probeScript(): Promise<string> {
  const result = await bundle({
    entryPoints: [join(ROOT, 'tests/bench/sync-first-run/probe.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
  });
  return result.outputFiles[0]!.text;
}

export function readProbe(page: Page): Promise<ProbeState & { now: number }> {
  return page.evaluate(() => ({ ...window.firstRunProbe!, now: performance.now() }));
}

export async function gcHeapMib(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

export function longTaskStats(
  tasks: readonly { start: number; duration: number }[],
  from: number,
  to: number,
): LongTaskStats {
  const within = tasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  return {
    count: within.length,
    sumMs: within.reduce((sum, t) => sum + t.duration, 0),
    maxMs: within.reduce((max, t) => Math.max(max, t.duration), 0),
  };
}
