import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { DemoLoadRunOptions, DemoLoadRunResult } from '../browser/protocol';
import { startBenchServer } from '../support/bench-server';
import { launchBenchBrowser } from '../support/chromium';
import { log, measurement, round, runPart } from '../support/result';

/**
 * Part `load`: Settings → Demo data's loader (renderer/features/onboarding/load-demo-data.ts) in
 * Chromium on the app's storage (RxDB's Dexie storage in a worker, persistent profile), against the
 * same generator's records written raw with Dexie bulkPut into tables with the same indexes, in the
 * same batches — same browser, same run (ADR 0035).
 */
const PART = 'load';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGE_DIR = join(ROOT, 'dist', 'bench');

await runPart(PART, async ({ quick }) => {
  const size: DemoLoadRunOptions['size'] = quick ? 'small' : 'medium';
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-load-'));
  let browserVersion = 'unknown';
  const runs: Record<string, DemoLoadRunResult> = {};
  try {
    log(PART, 'building the browser bench page (dist/bench)');
    await build({ configFile: join(ROOT, 'tests/bench/browser/vite.config.ts'), logLevel: 'warn' });
    // The server only serves the page (same origin and CSP as the app); the load itself is local.
    const server = await startBenchServer({ dbUrl: `sqlite:${join(dir, 'load.db')}`, appDir: PAGE_DIR });
    try {
      const run = async (label: string, kind: DemoLoadRunOptions['kind']) => {
        const browser = await launchBenchBrowser();
        browserVersion = browser.version;
        try {
          const page = await browser.context.newPage();
          page.on('pageerror', (error) => console.error(`  [${PART}] page error: ${error.message}`));
          await page.goto(server.pageUrl('/index.html'));
          await page.waitForFunction(() => window.outpostBench !== undefined);
          const options: DemoLoadRunOptions = { name: `bench-load-${kind}`, size, kind };
          const result = await page.evaluate((o) => window.outpostBench!.demoLoad(o), options);
          log(PART, `${label}: ${describe(result)}`);
          return result;
        } finally {
          await browser.close();
        }
      };
      // The baseline before and after the app, counted as their mean: the machine's load drifts.
      runs.rawBefore = await run('baseline (generator + Dexie bulkPut, same indexes)', 'raw');
      runs.app = await run('app (loadDemoData on the app storage)', 'app');
      runs.rawAfter = await run('baseline again', 'raw');
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const app = runs.app!;
  const rawMs = (runs.rawBefore!.totalMs + runs.rawAfter!.totalMs) / 2;
  const rawRecords = runs.rawBefore!.records;
  const perSecond = (records: number, ms: number) => round((records / ms) * 1000);
  const rawLongest = Math.max(runs.rawBefore!.longestTaskMs, runs.rawAfter!.longestTaskMs);
  return {
    config: { size, records: app.records },
    environment: { chromium: browserVersion },
    measurements: [
      measurement({
        id: 'load.rate',
        name: `Demo data, ${size} set (${app.records} records): load rate`,
        figure: { label: 'app: loadDemoData', value: perSecond(app.records, app.totalMs), unit: 'records/s' },
        baseline: { label: 'generator + raw Dexie bulkPut', value: perSecond(rawRecords, rawMs), unit: 'records/s' },
        target: null,
        details: { ...runs },
      }),
      measurement({
        id: 'load.time',
        name: `Demo data, ${size} set: time`,
        figure: { label: 'app', value: round(app.totalMs / 1000, 2), unit: 's' },
        baseline: { label: 'raw (mean of two)', value: round(rawMs / 1000, 2), unit: 's' },
        target: null,
      }),
      measurement({
        id: 'load.longestTask',
        name: 'Longest task on the page’s thread during the load (long tasks are over 50 ms)',
        figure: { label: 'app', value: round(app.longestTaskMs), unit: 'ms' },
        baseline: { label: 'raw: generation and writes on the page', value: round(rawLongest), unit: 'ms' },
        target: null,
      }),
      measurement({
        id: 'load.storedBytes',
        name: 'Storage per record (origin usage after − before)',
        figure: {
          label: 'app',
          value: app.storedBytes === null ? NaN : round(app.storedBytes / app.records),
          unit: 'bytes',
        },
        baseline: {
          label: 'raw',
          value: runs.rawBefore!.storedBytes === null ? NaN : round(runs.rawBefore!.storedBytes / rawRecords),
          unit: 'bytes',
        },
        target: null,
      }),
    ],
    notes: [
      `Chromium ${browserVersion}, headless, persistent on-disk profile, a new browser and profile per run; the page ` +
        'is served by the sync server (same origin and CSP as the app), no sync running.',
      'App: openDatabase with the app storage (worker), then loadDemoData: chunks of 100 records generated on the ' +
        'page with a yield between them, writes of 2,000 through the storage worker, one at a time.',
      'Baseline: the same generator and records (in RxDB’s document shape), grouped into the same batches and written ' +
        'with one Dexie bulkPut each on the page, into tables with the IndexedDB indexes RxDB declares; run before ' +
        'and after the app, the figure is their mean.',
    ],
  };
});

function describe(r: DemoLoadRunResult): string {
  return [
    `${r.records} records in ${round(r.totalMs / 1000, 2)} s (${round((r.records / r.totalMs) * 1000)} records/s)`,
    `${r.writes} writes`,
    `longest task ${round(r.longestTaskMs)} ms (long tasks ${round(r.longTasksMs)} ms)`,
    r.storedBytes === null ? 'storage unknown' : `${round(r.storedBytes / 1e6, 1)} MB stored`,
  ].join(', ');
}
