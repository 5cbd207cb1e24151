import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as bundle } from 'esbuild';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { DEFAULT_DEMO_SEED, demoRecordCount, type DemoSize } from '../../../demo-data';
import { fillWithDefaultSettings, type RxJsonSchema } from 'rxdb';
import { getDexieStoreSchema } from 'rxdb/plugins/storage-dexie';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS } from '../../../domain/collections';
import { seedStore } from '../../../scripts/seed';
import { spawnBenchServer, type SpawnedBenchServer } from '../support/bench-server';
import { launchBenchBrowser } from '../support/chromium';
import { heaviest, type CpuProfile } from '../support/cpu-profile';
import { BENCH_DEMO_TODAY } from '../support/demo-contacts';
import { log, measurement, round, runPart } from '../support/result';
import type { FloorOptions, FloorResult, ProbeState } from './page/protocol';

/**
 * Part `sync-first-run`: a Sales Manager signs in on a new device (a fresh Chromium profile) to a
 * team server whose store holds the whole demo workspace, in the app as a browser gets it (the
 * production renderer build, served by the sync server). Measured from the sign-in form's submit:
 * the first rows painted on the first screen, everything synced, the long tasks meanwhile, and the
 * page's heap after it (GC) against a relaunch on the same profile; the sync against its floor, the
 * same pull pages written raw with Dexie bulkPut in the same browser, from the same server.
 */
const PART = 'sync-first-run';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The app's production build, with the floor page in a folder of it (same origin, same CSP). */
const APP_DIR = join(ROOT, 'dist', 'bench-first-run');
const FLOOR_PATH = '/bench-floor/index.html';
const TEAM = ['--auth', 'team'];
/** The server's maximum page, which the app's initial-sync bootstrap pulls (renderer/db/sync/bootstrap.ts). */
const PULL_LIMIT = 1000;
const MANAGER = { name: 'Emma Clarke', email: 'emma.clarke@outpost.example', password: 'first-run bench passphrase' };
/** The header's status text once nothing is left to pull or push (renderer/i18n/en.ts header.sync.synced). */
const SYNCED = 'Synced';

const FIRST_ROWS_TARGET_MS = 2000;
const FULL_SYNC_TARGET = 1.5;
const LONGEST_TASK_TARGET_MS = 100;
const HEAP_MARGIN_MIB = 100;

interface AppRun {
  /** Sign-in submit → first row painted, ms. */
  firstRowsMs: number;
  firstRowsGrid: string | null;
  /** Sign-in submit → the header says Synced and every collection holds what the server sent the floor, ms. */
  syncedMs: number;
  /** Sign-in submit → the header first showed a progress bar, ms (null: never). */
  progressShownMs: number | null;
  longTasks: LongTaskStats;
  heapMib: number;
  counts: Record<string, number>;
  /** Count checks made while the header already said Synced but records were still missing. */
  earlySynced: number;
  /** The header's sync status as it changed, ms from the submit: "Syncing 40%", "Synced"… */
  header: string[];
}

interface ColdRun {
  /** Navigation start → first row painted, ms. */
  firstRowsMs: number;
  longTasks: LongTaskStats;
  heapMib: number;
}

interface LongTaskStats {
  count: number;
  sumMs: number;
  maxMs: number;
}

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

/** The probe (probe.ts) as one script, bundled here: Playwright runs it before the app's own. */
async function probeScript(): Promise<string> {
  const result = await bundle({
    entryPoints: [join(ROOT, 'tests/bench/sync-first-run/probe.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
  });
  return result.outputFiles[0]!.text;
}

async function accessToken(url: string): Promise<string> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: MANAGER.email, password: MANAGER.password, deviceName: 'bench floor' }),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The Dexie store spec RxDB's Dexie storage gives each collection: its primary key and every index. */
function appStores(): Record<string, string> {
  return Object.fromEntries(
    COLLECTION_NAMES.map((c) => [
      c,
      getDexieStoreSchema(fillWithDefaultSettings(COLLECTION_SCHEMAS[c] as unknown as RxJsonSchema<unknown>)),
    ]),
  );
}

async function runFloor(
  server: SpawnedBenchServer,
  stores?: Record<string, string>,
): Promise<FloorResult & { browserVersion: string }> {
  const browser = await launchBenchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => console.error(`  [${PART}] floor page error: ${error.message}`));
    await page.goto(`${server.url}${FLOOR_PATH}`);
    await page.waitForFunction(() => window.firstRunFloor !== undefined);
    const options: FloorOptions = {
      name: 'bench-first-run-floor',
      accessToken: await accessToken(server.url),
      collections: COLLECTION_NAMES,
      limit: PULL_LIMIT,
      ...(stores ? { name: 'bench-first-run-floor-indexed', stores } : {}),
    };
    const result = await page.evaluate((o) => window.firstRunFloor!.floor(o), options);
    return { ...result, browserVersion: browser.version };
  } finally {
    await browser.close();
  }
}

function readProbe(page: Page): Promise<ProbeState & { now: number }> {
  return page.evaluate(() => ({ ...window.firstRunProbe!, now: performance.now() }));
}

async function runApp(
  page: Page,
  url: string,
  probe: string,
  options: { expected: Record<string, number>; timeoutMs: number; diagnose: boolean },
): Promise<AppRun> {
  page.on('pageerror', (error) => console.error(`  [${PART}] app page error: ${error.message}`));
  await page.addInitScript({ content: probe });
  await page.goto(`${url}/`);
  const form = page.getByRole('form', { name: 'Sign in to Outpost' });
  await form.waitFor({ timeout: 60_000 });
  await form.getByLabel('Email').fill(MANAGER.email);
  await form.getByLabel('Password').fill(MANAGER.password);
  // --diagnose: a CPU profile of the page's thread from the sign-in to all synced.
  const cdp = options.diagnose ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await form.getByRole('button', { name: 'Sign in' }).click();

  const collections = Object.keys(options.expected);
  const deadline = Date.now() + options.timeoutMs;
  let lastShort = -Infinity;
  let earlySynced = 0;
  let counts: Record<string, number> = {};
  let state: ProbeState & { now: number };
  for (let polls = 0; ; polls++) {
    state = await readProbe(page);
    const header = state.header[state.header.length - 1];
    if (state.firstRowsAt !== null && header?.label === SYNCED && header.progress === null) {
      const checkedAt = state.now;
      counts = await page.evaluate((c) => window.firstRunCount!(c), collections);
      const short = collections.filter((c) => (counts[c] ?? 0) < options.expected[c]!);
      if (!short.length) break;
      earlySynced++;
      lastShort = checkedAt;
      // Counting reads every table: not more often than every 2 s while records are still missing.
      await page.waitForTimeout(2000);
    }
    if (Date.now() > deadline) {
      // What a person would see instead: the first screen's text.
      const screen = await page.evaluate(() => document.querySelector('main')?.textContent?.slice(0, 400) ?? '');
      throw new Error(
        `not synced after ${options.timeoutMs / 1000} s: header ${JSON.stringify(header)}, ` +
          `first rows ${String(state.firstRowsAt)}, counts ${JSON.stringify(counts)}, screen: ${screen}`,
      );
    }
    if (polls % 40 === 0 && state.signInAt !== null) {
      log(
        PART,
        `  app: ${round((state.now - state.signInAt) / 1000)} s, header ${header?.label ?? '—'} ${header?.progress ?? ''}`,
      );
    }
    await page.waitForTimeout(250);
  }
  const signInAt = state.signInAt ?? 0;
  const header = state.header[state.header.length - 1]!;
  const syncedAt = Math.max(header.at, lastShort);
  if (cdp) await writeDiagnosis(cdp, state, signInAt, syncedAt);
  const progressShown = state.header.find((h) => h.progress !== null && h.at >= signInAt);
  const heapMib = await gcHeapMib(page);
  return {
    firstRowsMs: state.firstRowsAt! - signInAt,
    firstRowsGrid: state.firstRowsGrid,
    syncedMs: syncedAt - signInAt,
    progressShownMs: progressShown ? progressShown.at - signInAt : null,
    longTasks: longTaskStats(state.longTasks, signInAt, syncedAt),
    heapMib,
    counts,
    earlySynced,
    header: state.header
      .filter((h) => h.at >= signInAt)
      .map((h) => `${round(h.at - signInAt)} ms ${h.label}${h.progress === null ? '' : ` ${h.progress}%`}`),
  };
}

/** Writes the CPU profile of the first sync and logs its heaviest functions and its long tasks. */
async function writeDiagnosis(
  cdp: Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>,
  state: ProbeState,
  signInAt: number,
  syncedAt: number,
): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await cdp.detach();
  const file = join(ROOT, 'bench', 'results', `${PART}.cpuprofile`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(profile));
  const list = (by: 'self' | 'total') =>
    heaviest(profile, 25, by)
      .map((f) => `\n    ${f.fn}: self ${f.selfMs}, total ${f.totalMs}`)
      .join('');
  log(PART, `diagnosis: CPU profile of the first sync: ${file}`);
  log(PART, `  heaviest by self time (ms):${list('self')}`);
  log(PART, `  heaviest by total time (ms):${list('total')}`);
  const tasks = state.longTasks.filter((t) => t.start + t.duration >= signInAt && t.start <= syncedAt);
  log(
    PART,
    `  long tasks (start after sign-in + duration, ms): ${tasks.map((t) => `${round(t.start - signInAt)}+${round(t.duration)}`).join(', ')}`,
  );
}

/** The browser launched again on the profile: the app opens on its kept session and stored records. */
async function runCold(page: Page, url: string, probe: string): Promise<ColdRun> {
  page.on('pageerror', (error) => console.error(`  [${PART}] relaunch page error: ${error.message}`));
  await page.addInitScript({ content: probe });
  await page.goto(`${url}/`);
  await page.waitForFunction(
    () => {
      const p = window.firstRunProbe!;
      const header = p.header[p.header.length - 1];
      return p.firstRowsAt !== null && header?.label === 'Synced' && header.progress === null;
    },
    undefined,
    { timeout: 600_000, polling: 250 },
  );
  const state = await readProbe(page);
  const heapMib = await gcHeapMib(page);
  return {
    firstRowsMs: state.firstRowsAt!,
    longTasks: longTaskStats(state.longTasks, 0, state.now),
    heapMib,
  };
}

async function gcHeapMib(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

function longTaskStats(tasks: readonly { start: number; duration: number }[], from: number, to: number): LongTaskStats {
  const within = tasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  return {
    count: within.length,
    sumMs: within.reduce((sum, t) => sum + t.duration, 0),
    maxMs: within.reduce((max, t) => Math.max(max, t.duration), 0),
  };
}

function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n.toLocaleString('en-US')} ${c}`)
    .join(', ');
}

function describeFloor(f: FloorResult): string {
  return (
    `${f.docs} records in ${round(f.totalMs / 1000, 2)} s (${round((f.docs / f.totalMs) * 1000)} records/s), ` +
    `${f.pages} pages, fetch ${round(f.fetchMs)} ms, write ${round(f.writeMs)} ms` +
    (Object.keys(f.refused).length ? `, refused: ${JSON.stringify(f.refused)}` : '')
  );
}

function describeApp(a: AppRun): string {
  return (
    `first rows (${a.firstRowsGrid ?? '?'}) ${round(a.firstRowsMs)} ms, all synced ${round(a.syncedMs / 1000, 2)} s ` +
    `(progress bar from ${a.progressShownMs === null ? '—' : `${round(a.progressShownMs)} ms`}), ` +
    `long tasks ${describeTasks(a.longTasks)}, heap ${round(a.heapMib, 1)} MiB`
  );
}

function describeCold(c: ColdRun): string {
  return `first rows ${round(c.firstRowsMs)} ms, long tasks ${describeTasks(c.longTasks)}, heap ${round(c.heapMib, 1)} MiB`;
}

function describeTasks(t: LongTaskStats): string {
  return `${t.count} (sum ${round(t.sumMs)} ms, longest ${round(t.maxMs)} ms)`;
}
