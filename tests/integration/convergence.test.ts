import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startDeviceWorker, type DeviceWorker } from '../support/device-worker-host';
import { startRecordingServer, type RecordingServer } from '../support/recording-server';
import { getTestPostgresUrl } from './postgres-fixture';
import { runScenario, type RunStats } from './convergence-runner';
import { scenarioArbitrary, type Scenario } from './convergence-scenario';

/**
 * Property: whatever five devices do — create, edit (the same fields and different fields of shared
 * records), soft-delete and restore contacts, deals and calls, move deals through stages, win, lose
 * and reopen them, log calls — while dropping offline for short and long stretches, with clocks up
 * to 20 s apart, and while the server restarts — once everyone is back and the system goes quiet,
 * every replica equals the server, nothing created is lost or doubled, nothing is left pending,
 * every edit that did not survive is in its device's conflict or rejection log, and no edit was
 * stamped before a version its device had already seen (convergence-checks.ts, device-ops.ts).
 *
 * Each device runs in its own worker thread (its own RxDB realm and collection budget) with the
 * app's real RxDB database, sync engine and journal; the server is the real Fastify sync server over
 * a real SQLite file, and again over PostgreSQL.
 *
 * Environment: CONVERGENCE_RUNS / CONVERGENCE_OPS (SQLite; PostgreSQL uses half), CONVERGENCE_PG_RUNS /
 * CONVERGENCE_PG_OPS, CONVERGENCE_SEED and CONVERGENCE_PATH to replay a failure (fast-check prints
 * both; add `-t SQLite` or `-t PostgreSQL` to replay one store), CONVERGENCE_TRACE=1 to print every
 * run's trace. The actions replay exactly from the seed; the devices' timing is real concurrency, so
 * a replay reproduces a timing-dependent failure often, not always.
 */

const DEVICES = 5;
const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const SQLITE_RUNS = envInt('CONVERGENCE_RUNS', 4);
const SQLITE_OPS = envInt('CONVERGENCE_OPS', 260);
const PG_RUNS = envInt('CONVERGENCE_PG_RUNS', Math.max(1, Math.ceil(SQLITE_RUNS / 2)));
const PG_OPS = envInt('CONVERGENCE_PG_OPS', Math.max(50, Math.ceil(SQLITE_OPS / 2)));
const replay = {
  ...(process.env.CONVERGENCE_SEED ? { seed: Number(process.env.CONVERGENCE_SEED) } : {}),
  ...(process.env.CONVERGENCE_PATH ? { path: process.env.CONVERGENCE_PATH } : {}),
};
// A long soak must not be cut short by the integration project's 120 s default.
const budgetMs = (runs: number, ops: number) => Math.max(120_000, runs * (30_000 + ops * 300));

let workers: DeviceWorker[] = [];

beforeAll(() => {
  workers = Array.from({ length: DEVICES }, (_, i) => startDeviceWorker(i));
});
afterAll(async () => {
  await Promise.allSettled(workers.map((w) => w.terminate()));
});

async function checkProperty(
  store: string,
  runs: number,
  ops: number,
  startServer: () => Promise<RecordingServer>,
): Promise<void> {
  const totals: RunStats[] = [];
  await fc.assert(
    fc.asyncProperty(scenarioArbitrary({ devices: DEVICES, ops }), async (scenario: Scenario) => {
      const runStarted = Date.now();
      const result = await runScenario(workers, startServer, scenario);
      const wallMs = Date.now() - runStarted;
      totals.push(result.stats);
      const { stats } = result;
      console.warn(
        `convergence (${store}) run ${totals.length}: ${stats.applied} applied, ${stats.skipped} skipped, ` +
          `${stats.conflictsLogged} conflict-log entries, ${stats.rejections} rejections; ` +
          `setup ${stats.setupMs} ms, actions ${stats.actionsMs} ms, quiesce ${stats.quiesceMs} ms ` +
          `(${stats.quiesceRounds} rounds), checks ${stats.checkMs} ms, ${wallMs} ms with teardown`,
      );
      if (process.env.CONVERGENCE_TRACE) console.warn(result.trace.join('\n'));
      if (result.problems.length) {
        throw new Error(
          [
            `${store}: ${result.problems.length} convergence problem(s):`,
            ...result.problems.slice(0, 40).map((p) => `  - ${p}`),
            ...(result.problems.length > 40 ? [`  … and ${result.problems.length - 40} more`] : []),
            `stats: ${JSON.stringify(result.stats)}`,
            'trace (ms since start, #action device action):',
            ...result.trace.map((line) => `  ${line}`),
          ].join('\n'),
        );
      }
    }),
    // Each run takes seconds and its timing is real concurrency: shrinking would neither be quick
    // nor reliable, so stop at the first failure and let the trace tell the story.
    { numRuns: runs, endOnFailure: true, ...replay },
  );
  const sum = (k: keyof RunStats) => totals.reduce((n, t) => n + t[k], 0);
  console.warn(
    `convergence (${store}): ${totals.length} runs, ${sum('applied')} actions applied, ${sum('skipped')} skipped, ` +
      `${sum('serverVersions')} server writes, ${sum('conflictsLogged')} conflict-log entries, ` +
      `${sum('rejections')} rejections, ${(sum('ms') / 1000).toFixed(1)} s`,
  );
}

describe('convergence of five devices through the sync server (property-based)', () => {
  it(
    `converges over SQLite (${SQLITE_RUNS} runs × ${SQLITE_OPS} actions)`,
    () => checkProperty('SQLite', SQLITE_RUNS, SQLITE_OPS, () => startRecordingServer()),
    budgetMs(SQLITE_RUNS, SQLITE_OPS),
  );

  it(
    `converges over PostgreSQL (${PG_RUNS} runs × ${PG_OPS} actions)`,
    () =>
      checkProperty('PostgreSQL', PG_RUNS, PG_OPS, async () =>
        startRecordingServer({ dbUrl: await getTestPostgresUrl() }),
      ),
    budgetMs(PG_RUNS, PG_OPS),
  );
});
