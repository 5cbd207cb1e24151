import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { DEFAULT_DEMO_SEED, demoRecordCount, type DemoSize } from '../../../demo-data';
import { seedStore } from '../../../scripts/seed';
import { spawnBenchServer } from '../support/bench-server';
import { launchBenchBrowser } from '../support/chromium';
import { BENCH_DEMO_TODAY } from '../support/demo-contacts';
import { log, measurement, round, runPart } from '../support/result';
import { runApp, type AppRun } from './app-run';
import { MANAGER, PART, PULL_LIMIT, ROOT, probeScript } from './first-run-common';
import { appStores, runFloor } from './floor-run';
import type { FloorResult } from './page/protocol';
import { runCold, type ColdRun } from './relaunch';
import { describeApp, describeCold, describeCounts, describeFloor } from './report';

/** The app's production build, with the floor page in a folder of it (same origin, same CSP). */
const APP_DIR = join(ROOT, 'dist', 'bench-first-run');
const TEAM = ['--auth', 'team'];

const FIRST_ROWS_TARGET_MS = 2000;
const FULL_SYNC_TARGET = 1.5;
const LONGEST_TASK_TARGET_MS = 100;
const HEAP_MARGIN_MIB = 100;

/**
 * Part `sync-first-run`: a Sales Manager signs in on a new device (a fresh Chromium profile) to a
 * team server whose store holds the whole demo workspace, in the app as a browser gets it (the
 * production renderer build, served by the sync server). Measured from the sign-in form's submit:
 * the first rows painted on the first screen, everything synced, the long tasks meanwhile, and the
 * page's heap after it (GC) against a relaunch on the same profile; the sync against its floor, the
 * same pull pages written raw with Dexie bulkPut in the same browser, from the same server.
 */
await runPart(PART, async ({ quick, diagnose }) => {
  const size: DemoSize = quick ? 'medium' : 'large';
  const demo = { size, seed: DEFAULT_DEMO_SEED, today: BENCH_DEMO_TODAY };
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-first-run-'));
  let browserVersion = 'unknown';
  /** The floor before and after the app; the baseline is their mean (the machine's load drifts). */
  const floors: FloorResult[] = [];
  let app: AppRun;
  let cold: ColdRun;
  let seeded: Awaited<ReturnType<typeof seedStore>>;
  let indexedFloor: FloorResult | null = null;
  try {
    log(PART, 'building the app (production renderer build) and the floor page into dist/bench-first-run');
    await build({
      configFile: join(ROOT, 'renderer/vite.config.ts'),
      logLevel: 'warn',
      build: {
        outDir: APP_DIR,
        emptyOutDir: true,
        // --diagnose: minified without renaming, so that the CPU profile names the source's functions.
        ...(diagnose
          ? { rolldownOptions: { output: { minify: { compress: true, mangle: false, codegen: true } } } }
          : {}),
      },
    });
    await build({ configFile: join(ROOT, 'tests/bench/sync-first-run/page/vite.config.ts'), logLevel: 'warn' });
    const probe = await probeScript();

    // The Sales Manager first (setup, as the first person on a team server does), so that the seed
    // makes them the demo's manager: their team's records are theirs (scripts/seed.ts seedStore).
    const dbUrl = `sqlite:${join(dir, 'first-run.db')}`;
    const setup = await spawnBenchServer({ dbUrl, serverArgs: TEAM });
    try {
      const response = await fetch(`${setup.url}/auth/setup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(MANAGER),
      });
      if (!response.ok) throw new Error(`setup answered ${response.status}: ${await response.text()}`);
    } finally {
      await setup.stop();
    }
    log(PART, `seeding the ${size} demo workspace (${demoRecordCount(demo).toLocaleString('en-US')} records)`);
    seeded = await seedStore(dbUrl, demo);
    log(PART, `seeded ${seeded.total.toLocaleString('en-US')} records in ${round(seeded.elapsedMs / 1000, 1)} s`);

    const server = await spawnBenchServer({ dbUrl, appDir: APP_DIR, serverArgs: TEAM });
    try {
      const floor = await runFloor(server);
      floors.push(floor);
      browserVersion = floor.browserVersion;
      log(PART, `floor (raw pulls + Dexie bulkPut, id only): ${describeFloor(floor)}`);
      if (diagnose) {
        // What the app's indexes cost by themselves: the same floor into tables with RxDB's indexes.
        indexedFloor = await runFloor(server, appStores());
        log(
          PART,
          `diagnosis: floor with the app's indexes, records in RxDB's stored shape: ${describeFloor(indexedFloor)}`,
        );
      }
      const expected = Object.fromEntries(
        Object.entries(floor.counts).filter(([c]) => !(c in floor.refused)),
      ) as Record<string, number>;

      const browser = await launchBenchBrowser({ keepProfile: true });
      const profile = browser.profile;
      try {
        try {
          app = await runApp(browser.context.pages()[0] ?? (await browser.context.newPage()), server.url, probe, {
            expected,
            // A shared machine at load 15 took 3× the quiet one's 5–6 minutes.
            timeoutMs: quick ? 300_000 : 3_600_000,
            diagnose,
          });
        } finally {
          await browser.close();
        }
        log(PART, `app: ${describeApp(app)}`);
        const again = await launchBenchBrowser({ profile, keepProfile: true });
        try {
          cold = await runCold(again.context.pages()[0] ?? (await again.context.newPage()), server.url, probe);
        } finally {
          await again.close();
        }
        log(PART, `cold start on the same profile: ${describeCold(cold)}`);
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
      floors.push(await runFloor(server));
      log(PART, `floor again: ${describeFloor(floors[1]!)}`);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const records = floors[0]!.docs;
  const floorMs = (floors[0]!.totalMs + floors[1]!.totalMs) / 2;
  const heapTarget = round(cold!.heapMib + HEAP_MARGIN_MIB, 1);
  return {
    config: { size, seed: DEFAULT_DEMO_SEED, today: BENCH_DEMO_TODAY, records, pullLimit: PULL_LIMIT },
    environment: { chromium: browserVersion },
    measurements: [
      measurement({
        id: 'firstRun.firstRows',
        name: `First rows on the first screen (${app!.firstRowsGrid ?? 'grid'}) after signing in`,
        figure: { label: 'sign-in submit → first row painted', value: round(app!.firstRowsMs), unit: 'ms' },
        baseline: { label: 'relaunch: navigation → first row painted', value: round(cold!.firstRowsMs), unit: 'ms' },
        target: { on: 'figure', op: '<', value: FIRST_ROWS_TARGET_MS },
      }),
      measurement({
        id: 'firstRun.fullSync',
        name: `First sync of ${records.toLocaleString('en-US')} records, time`,
        figure: { label: 'app: sign-in submit → all synced', value: round(app!.syncedMs / 1000, 2), unit: 's' },
        baseline: { label: 'raw pulls + Dexie bulkPut, id only', value: round(floorMs / 1000, 2), unit: 's' },
        target: { on: 'ratio', op: '<=', value: FULL_SYNC_TARGET },
        details: { app: app!, floors, ...(indexedFloor ? { indexedFloor } : {}) },
      }),
      measurement({
        id: 'firstRun.longestTask',
        name: 'Longest task on the page’s thread during the first sync',
        figure: { label: 'first sync', value: round(app!.longTasks.maxMs), unit: 'ms' },
        baseline: { label: 'relaunch, until synced', value: round(cold!.longTasks.maxMs), unit: 'ms' },
        target: { on: 'figure', op: '<', value: LONGEST_TASK_TARGET_MS },
      }),
      measurement({
        id: 'firstRun.longTasks',
        name: 'Long tasks (> 50 ms) during the first sync',
        figure: { label: 'first sync', value: app!.longTasks.count, unit: 'tasks' },
        baseline: { label: 'relaunch, until synced', value: cold!.longTasks.count, unit: 'tasks' },
        target: null,
      }),
      measurement({
        id: 'firstRun.longTasksTime',
        name: 'Time in long tasks during the first sync',
        figure: { label: 'first sync', value: round(app!.longTasks.sumMs), unit: 'ms' },
        baseline: { label: 'relaunch, until synced', value: round(cold!.longTasks.sumMs), unit: 'ms' },
        target: null,
      }),
      measurement({
        id: 'firstRun.heap',
        name: `Page heap after the first sync (GC), target within ${HEAP_MARGIN_MIB} MiB of a relaunch's`,
        figure: { label: 'after the first sync', value: round(app!.heapMib, 1), unit: 'MiB' },
        baseline: { label: 'relaunch on the same profile', value: round(cold!.heapMib, 1), unit: 'MiB' },
        target: { on: 'figure', op: '<', value: heapTarget },
      }),
      measurement({
        id: 'firstRun.rate',
        name: 'First sync throughput',
        figure: { label: 'app', value: round((records / app!.syncedMs) * 1000), unit: 'records/s' },
        baseline: { label: 'floor', value: round((records / floorMs) * 1000), unit: 'records/s' },
        target: null,
      }),
    ],
    notes: [
      `Chromium ${browserVersion}, headless, a new persistent on-disk profile. The app is the production renderer ` +
        'build (vite, renderer/vite.config.ts, into dist/bench-first-run) served by the real sync server (its CLI ' +
        'bundled from the source, --auth team, SQLite) on loopback: same origin, CSP and service worker as a ' +
        'browser gets it.',
      `Server store: the ${size} demo workspace (${seeded!.total.toLocaleString('en-US')} records, seed ` +
        `${DEFAULT_DEMO_SEED}, today ${BENCH_DEMO_TODAY}) written by seedStore (npm run seed -- --into) after the ` +
        `team's setup, so the Sales Manager who signs in owns the demo manager's records; the manager pulls ` +
        `${records.toLocaleString('en-US')} (${describeCounts(floors[0]!.counts)}).`,
      'App: the sign-in form filled and submitted as a person does; times are from the submit event. First rows: ' +
        'the first body row of a grid (not a skeleton) in the DOM, then a frame and a task (painted). All synced: ' +
        'the header says Synced with no progress bar and every collection’s IndexedDB table (RxDB’s Dexie storage, ' +
        'counted from the page) holds at least what the same server sent the floor; the time is the later of the ' +
        'header’s last change and the last count that fell short ' +
        `(${app!.earlySynced} count(s) found records missing while the header said Synced).`,
      'Long tasks: PerformanceObserver("longtask") on the page (the storage worker’s thread is not included), ' +
        'from the submit to all synced; the baseline is a relaunch on the same profile until its header says Synced.',
      `Heap: the page's JS heap after a forced GC (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage) once all ` +
        'is synced, against the same after a relaunch of the browser on the same profile (the app opened, signed ' +
        'in from its kept session, first rows painted, header Synced); the storage worker’s heap is not included.',
      `Floor: in a fresh profile in the same browser, signed in as the same manager, every collection's ` +
        `GET /sync/<collection>/pull pages of ${PULL_LIMIT} (the app's bootstrap page) one collection after ` +
        'another, each page written with one Dexie bulkPut into a table keyed by id only, the next page fetched ' +
        `while the previous is written; the sign-in and opening the app are not in it. Run before and after the app; ` +
        `the baseline is their mean (${floors.map((f) => round(f.totalMs / 1000, 2)).join(' s and ')} s).`,
    ],
  };
});
