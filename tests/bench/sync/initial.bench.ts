import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import type { AppRunOptions, BrowserRunOptions, BrowserRunResult } from '../browser/protocol';
import { startBenchServer } from '../support/bench-server';
import { launchBenchBrowser } from '../support/chromium';
import { preloadContacts } from '../support/demo-contacts';
import { log, measurement, round, runPart, type Measurement } from '../support/result';

/**
 * Part `sync-initial`: a device's first sync of N contacts in Chromium (persistent profile), the
 * app's RxDB + sync engine against the floor of the same pull pages fetched raw and written with
 * one Dexie bulkPut each into a plain table — same browser, same server, same run.
 */
const PART = 'sync-initial';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGE_DIR = join(ROOT, 'dist', 'bench');
const TARGET = 2;
/**
 * The page the app pulls the bulk of a first sync with: its initial-sync bootstrap's page
 * (BOOTSTRAP_PAGE_SIZE in renderer/db/sync/bootstrap.ts, the server's maximum); the replication's
 * own pulls afterwards use 500. The baseline pulls pages of the same size.
 */
const PRODUCTION_PULL_LIMIT = 1000;

await runPart(PART, async ({ quick, diagnose }) => {
  const docs = quick ? 20_000 : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-initial-'));
  const notes: string[] = [];
  const diagnostics: Record<string, { label: string; result: BrowserRunResult }> = {};
  let raw: BrowserRunResult;
  let floor: BrowserRunResult;
  const rawRuns: BrowserRunResult[] = [];
  let app: BrowserRunResult;
  let browserVersion = 'unknown';
  try {
    log(PART, 'building the browser bench page (dist/bench)');
    await build({ configFile: join(ROOT, 'tests/bench/browser/vite.config.ts'), logLevel: 'warn' });

    const dbUrl = `sqlite:${join(dir, 'initial.db')}`;
    const loadStarted = performance.now();
    await preloadContacts(dbUrl, docs);
    log(
      PART,
      `server store loaded with ${docs} demo contacts in ${round((performance.now() - loadStarted) / 1000, 1)} s`,
    );

    const server = await startBenchServer({ dbUrl, appDir: PAGE_DIR });
    try {
      /**
       * Every run gets a new browser with a new profile. Chromium keeps a deleted IndexedDB
       * database's data in the origin's LevelDB until a later compaction (1.3 GB after a few 100k
       * runs here), and a run in that profile measures a dirtier store than the one before it.
       */
      const run = async (label: string, kind: Kind, options: object) => {
        const browser = await launchBenchBrowser();
        browserVersion = browser.version;
        try {
          const page = await openBenchPage(browser.context, server.pageUrl('/index.html'));
          const result = await evaluate(page, kind, { name: `bench-${kind}`, expected: docs, ...options });
          log(PART, `${label}: ${describe(result)}`);
          return result;
        } finally {
          await browser.close();
        }
      };

      // The baseline runs before and after the app and counts as their mean: the machine is shared,
      // and its load drifts over a run of a minute or two.
      // Two baselines: the floor (a table keyed by id only) and the same documents in RxDB's shape
      // with the same IndexedDB indexes the collection declares — what storing this collection with
      // the access paths its screens need costs in raw Dexie. The target applies to the second.
      floor = await run('floor (raw fetch + Dexie bulkPut, id only)', 'raw', { limit: PRODUCTION_PULL_LIMIT });
      const rawBefore = await run('baseline (raw fetch + Dexie bulkPut, same indexes)', 'raw', {
        limit: PRODUCTION_PULL_LIMIT,
        indexes: 'all',
      });
      app = await run('app (openDatabase + startSync)', 'app', {});
      const rawAfter = await run('baseline again', 'raw', { limit: PRODUCTION_PULL_LIMIT, indexes: 'all' });
      raw = meanOf(rawBefore, rawAfter);
      rawRuns.push(rawBefore, rawAfter);
      if (app.extra?.pullLimit !== PRODUCTION_PULL_LIMIT) {
        throw new Error(
          `the app pulled pages of ${String(app.extra?.pullLimit)}, the baseline ${PRODUCTION_PULL_LIMIT}: ` +
            'update PRODUCTION_PULL_LIMIT to the engine default',
        );
      }
      if (diagnose) {
        const variants: [string, string, Kind, object][] = [
          [
            'rawTenPagesPerWrite',
            'raw, 10 pages per bulkPut',
            'raw',
            { limit: PRODUCTION_PULL_LIMIT, pagesPerWrite: 10 },
          ],
          [
            'rawInternalIndexes',
            "raw, RxDB's doc shape + its 3 internal indexes",
            'raw',
            { limit: PRODUCTION_PULL_LIMIT, indexes: 'internal' },
          ],
          [
            'rawAllIndexes',
            "raw, RxDB's doc shape + its 8 secondary indexes",
            'raw',
            { limit: PRODUCTION_PULL_LIMIT, indexes: 'all' },
          ],
          [
            'rxdbBulkInsert',
            'RxDB bulkInsert per page, no replication',
            'rxdbBulkInsert',
            { limit: PRODUCTION_PULL_LIMIT },
          ],
          [
            'appNoBootstrap',
            'app without the bootstrap (RxDB replication only, pages of 500)',
            'app',
            { bootstrap: false },
          ],
          ['rawPull500', 'raw, same indexes, pages of 500', 'raw', { limit: 500, indexes: 'all' }],
          ['appSingleInstance', 'app, multiInstance false', 'app', { multiInstance: false }],
          ['appAgain', 'app again (run-to-run noise)', 'app', {}],
        ];
        for (const [key, label, kind, options] of variants) {
          diagnostics[key] = { label, result: await run(`diagnosis: ${label}`, kind, options) };
        }
        diagnostics.appProfiled = {
          label: 'app under the DevTools CPU profiler',
          result: await profiledApp(server.pageUrl('/index.html'), docs, join(ROOT, 'bench', 'results')),
        };
      }
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  notes.push(
    `Chromium ${browserVersion}, headless, persistent on-disk profile; the page is served by the sync server ` +
      '(same origin as the API, production CSP). Every run starts a new browser with a new profile.',
    `App: openDatabase (the app’s storage: RxDB’s Dexie storage in a worker, ADR 0012; no dev-mode, all ` +
      `collections, multiInstance) + startSync(collections: ` +
      `['contacts']) with its defaults (bootstrap pages of ${PRODUCTION_PULL_LIMIT}, then the replication), timed from ` +
      `startSync to awaitInSync; SyncStatus.progress took ${String(app!.extra?.progressSeen)} distinct values.`,
    'Baseline: GET /sync/contacts/pull pages of the same size, one Dexie bulkPut per page into a table with the ' +
      "collection's IndexedDB indexes (RxDB's document shape); the next page is fetched while the previous one is " +
      `written. Run before and after the app; the figure is their mean (${rawRuns
        .map((r) => round(r.totalMs / 1000, 2))
        .join(' s and ')} s). Floor: the same into a table keyed by id only (reported, no target).`,
  );

  const perSecond = (r: BrowserRunResult) => round((r.docs / r.totalMs) * 1000);
  const measurements: Measurement[] = [
    measurement({
      id: 'initial.total',
      name: `Initial sync of ${docs / 1000}k contacts, time`,
      figure: { label: 'app: RxDB + startSync', value: round(app!.totalMs / 1000, 2), unit: 's' },
      baseline: { label: 'raw pages + Dexie bulkPut, same indexes', value: round(raw!.totalMs / 1000, 2), unit: 's' },
      target: { on: 'ratio', op: '<=', value: TARGET },
      details: { app: app!, raw: raw!, rawRuns, docs },
    }),
    measurement({
      id: 'initial.floor',
      name: `Initial sync of ${docs / 1000}k contacts vs the floor`,
      figure: { label: 'app: RxDB + startSync', value: round(app!.totalMs / 1000, 2), unit: 's' },
      baseline: { label: 'raw pages + Dexie bulkPut, id only', value: round(floor!.totalMs / 1000, 2), unit: 's' },
      target: null,
      details: { floor: floor! },
    }),
    measurement({
      id: 'initial.rate',
      name: 'Initial sync throughput',
      figure: { label: 'app', value: perSecond(app!), unit: 'docs/s' },
      baseline: { label: 'raw', value: perSecond(raw!), unit: 'docs/s' },
      target: null,
    }),
    measurement({
      id: 'initial.firstPage',
      name: 'Time to first page visible',
      figure: { label: 'app: first pull batch written', value: round(app!.firstPageMs), unit: 'ms' },
      baseline: { label: 'raw: first bulkPut done', value: round(raw!.firstPageMs), unit: 'ms' },
      target: null,
    }),
  ];
  for (const [key, { label, result }] of Object.entries(diagnostics)) {
    measurements.push(
      measurement({
        id: `initial.diagnosis.${key}`,
        name: `Diagnosis: ${label}`,
        figure: { label: key, value: round(result.totalMs / 1000, 2), unit: 's' },
        baseline: { label: 'raw (above)', value: round(raw!.totalMs / 1000, 2), unit: 's' },
        target: null,
        details: { ...result },
      }),
    );
  }
  return {
    config: { docs, pullLimit: PRODUCTION_PULL_LIMIT, diagnose },
    environment: { chromium: browserVersion },
    measurements,
    notes,
  };
});

type Kind = 'raw' | 'app' | 'rxdbBulkInsert';

async function openBenchPage(context: BrowserContext, pageUrl: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`  [${PART}] page error: ${error.message}`));
  await page.goto(pageUrl);
  await page.waitForFunction(() => window.outpostBench !== undefined);
  return page;
}

function evaluate(page: Page, kind: Kind, options: BrowserRunOptions | AppRunOptions): Promise<BrowserRunResult> {
  return page.evaluate(([k, o]) => window.outpostBench![k](o as never), [kind, options] as const);
}

/** The app run again under the DevTools CPU profiler; the profile goes to bench/results/. */
async function profiledApp(pageUrl: string, docs: number, outDir: string): Promise<BrowserRunResult> {
  const browser = await launchBenchBrowser();
  try {
    const page = await openBenchPage(browser.context, pageUrl);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const result = await evaluate(page, 'app', { name: 'bench-app-profiled', expected: docs });
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'sync-initial-app.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    log(PART, `diagnosis: app under the CPU profiler: ${describe(result)} (profile: ${file})`);
    return result;
  } finally {
    await browser.close();
  }
}

function meanOf(a: BrowserRunResult, b: BrowserRunResult): BrowserRunResult {
  const mean = (x: number | undefined, y: number | undefined) => ((x ?? 0) + (y ?? 0)) / 2;
  return {
    docs: a.docs,
    totalMs: mean(a.totalMs, b.totalMs),
    firstPageMs: mean(a.firstPageMs, b.firstPageMs),
    openMs: mean(a.openMs, b.openMs),
    pages: a.pages,
    fetchMs: mean(a.fetchMs, b.fetchMs),
    writeMs: mean(a.writeMs, b.writeMs),
  };
}

function describe(r: BrowserRunResult): string {
  const parts = [
    `${r.docs} docs in ${round(r.totalMs / 1000, 2)} s (${round((r.docs / r.totalMs) * 1000)} docs/s)`,
    `first page ${round(r.firstPageMs)} ms`,
    `open ${round(r.openMs)} ms`,
    `${r.pages} writes`,
  ];
  if (r.fetchMs !== undefined) parts.push(`fetch ${round(r.fetchMs)} ms`);
  if (r.writeMs !== undefined) parts.push(`write ${round(r.writeMs)} ms`);
  return parts.join(', ');
}
