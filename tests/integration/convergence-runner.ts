import {
  DEVICE_COLLECTIONS,
  describeOp,
  type CreatedRecord,
  type DeviceCollection,
  type FieldEdit,
} from '../support/device-ops';
import type { DeviceWorker } from '../support/device-worker-host';
import type { DeviceSnapshot } from '../support/device-worker-protocol';
import type { RecordingServer } from '../support/recording-server';
import type { StoredRecord } from '../../sync-server/store/store';
import { checkConvergence } from './convergence-checks';
import { offlineBefore, planScenario, type Scenario } from './convergence-scenario';

export interface RunStats {
  applied: number;
  skipped: number;
  serverVersions: number;
  conflictsLogged: number;
  rejections: number;
  quiesceRounds: number;
  /** Phases: opening devices and the warm-up, the actions, going quiet, the checks; and in all. */
  setupMs: number;
  actionsMs: number;
  quiesceMs: number;
  checkMs: number;
  ms: number;
}

export interface RunResult {
  problems: string[];
  trace: string[];
  stats: RunStats;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const userId = (device: number) => `0190aaaa-0000-7000-8000-${String(device + 1).padStart(12, '0')}`;

/**
 * Play one scenario: a fresh server, every worker opens a fresh device against it, the warm-up
 * records are made and synced, then the scenario's actions run (devices in parallel, each device's
 * actions in order) with its offline windows and server restarts. Then everyone reconnects, the
 * system is left to go quiet, and the convergence properties are checked. Devices and the server
 * are closed whatever happens.
 */
export async function runScenario(
  workers: readonly DeviceWorker[],
  startServer: () => Promise<RecordingServer>,
  scenario: Scenario,
  options: { quiesceTimeoutMs?: number } = {},
): Promise<RunResult> {
  const started = Date.now();
  const trace: string[] = [];
  const note = (line: string) => trace.push(`${String(Date.now() - started).padStart(6)}ms ${line}`);
  const devices = workers.slice(0, scenario.devices);
  const ledger = devices.map(() => ({ edits: [] as FieldEdit[], created: [] as CreatedRecord[] }));
  const stats: RunStats = {
    applied: 0,
    skipped: 0,
    serverVersions: 0,
    conflictsLogged: 0,
    rejections: 0,
    quiesceRounds: 0,
    setupMs: 0,
    actionsMs: 0,
    quiesceMs: 0,
    checkMs: 0,
    ms: 0,
  };
  const plan = planScenario(scenario);
  const causality: string[] = [];
  const server = await startServer();
  const opened: DeviceWorker[] = [];
  let restarting: Promise<void> = Promise.resolve();
  try {
    await Promise.all(
      devices.map(async (worker, i) => {
        await worker.open({
          serverUrl: server.url,
          name: `dev${i}`,
          userId: userId(i),
          clockSkewMs: scenario.skews[i] ?? 0,
        });
        opened.push(worker);
      }),
    );
    const pipeline = await devices[0]!.ensurePipeline();
    if (pipeline) ledger[0]!.created.push(pipeline);
    await Promise.all(devices.map((d) => d.awaitInSync(30_000)));

    const record = (device: number, label: string, outcome: Awaited<ReturnType<DeviceWorker['apply']>>) => {
      ledger[device]!.edits.push(...outcome.edits);
      ledger[device]!.created.push(...outcome.created);
      if (outcome.applied) stats.applied++;
      else stats.skipped++;
      if (outcome.causality) causality.push(`${label}: ${outcome.causality}`);
      note(`${label}${outcome.applied ? '' : ` — skipped: ${outcome.skipped}`}`);
    };

    await Promise.all(
      devices.map(async (worker, device) => {
        for (const step of plan.warmup.filter((s) => s.device === device)) {
          record(device, `warm-up dev${device} ${describeOp(step.op)}`, await worker.apply(step.op));
        }
      }),
    );
    for (let round = 0; round < 2; round++) await Promise.all(devices.map((d) => d.awaitInSync(30_000)));

    let phase = Date.now();
    stats.setupMs = phase - started;
    let inflight: Promise<unknown>[] = [];
    const online = devices.map(() => true);
    for (const step of plan.steps) {
      const offline = offlineBefore(scenario, step.index);
      devices.forEach((worker, device) => {
        const want = !offline.has(device);
        if (want === online[device]) return;
        online[device] = want;
        note(`#${step.index} dev${device} goes ${want ? 'online' : 'OFFLINE'}`);
        inflight.push(worker.setOnline(want));
      });
      if (scenario.restarts.includes(step.index)) {
        note(`#${step.index} server restart begins`);
        restarting = restarting.then(() => server.restart()).then(() => void note('server restart done'));
      }
      const label = `#${step.index} dev${step.device} ${step.op ? describeOp(step.op) : '(nothing to aim at)'}`;
      if (step.op) {
        inflight.push(devices[step.device]!.apply(step.op).then((outcome) => record(step.device, label, outcome)));
      } else {
        stats.skipped++;
        note(label);
      }
      if (step.gap > 0) {
        await Promise.all(inflight);
        inflight = [];
        if (step.gap >= 2) await sleep(step.gap === 2 ? 10 : 50);
      }
    }
    await Promise.all(inflight);
    await restarting;
    note('everyone back online');
    await Promise.all(devices.map((worker, device) => (online[device] ? undefined : worker.setOnline(true))));

    stats.actionsMs = Date.now() - phase;
    phase = Date.now();
    const quiet = await quiesce(devices, server, options.quiesceTimeoutMs ?? 90_000, note);
    stats.quiesceRounds = quiet.rounds;
    stats.quiesceMs = Date.now() - phase;
    phase = Date.now();

    const snapshots: DeviceSnapshot[] = await Promise.all(devices.map((d) => d.snapshot()));
    const serverRecords = {} as Record<DeviceCollection, StoredRecord[]>;
    for (const collection of DEVICE_COLLECTIONS) serverRecords[collection] = await server.records(collection);
    const problems = [
      ...quiet.problems,
      ...causality.map((c) => `causality: ${c}`),
      ...checkConvergence({
        devices: devices.map((_, i) => ({ name: `dev${i}`, snapshot: snapshots[i]!, ...ledger[i]! })),
        server: serverRecords,
        committed: server.committed,
      }),
    ];
    if (problems.length) trace.push(...(await explain(problems, server.committed, devices, started)));
    stats.serverVersions = server.committed.length;
    stats.conflictsLogged = snapshots.reduce((n, s) => n + s.conflicts.length, 0);
    stats.rejections = snapshots.reduce((n, s) => n + s.rejections.length, 0);
    for (const [i, s] of snapshots.entries()) {
      for (const r of s.rejections) note(`dev${i} rejection: ${r.collection}/${r.recordId.slice(-4)} ${r.code}`);
    }
    stats.checkMs = Date.now() - phase;
    stats.ms = Date.now() - started;
    return { problems, trace, stats };
  } catch (error) {
    // A device call failed or timed out, or the server could not restart: report it with the trace.
    stats.ms = Date.now() - started;
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { problems: [`the run stopped: ${reason}`], trace, stats };
  } finally {
    await restarting.catch(() => undefined);
    await Promise.allSettled(opened.map((d) => d.close()));
    await server.close();
  }
}

/**
 * Let the system go quiet: every device awaits its sync, repeatedly, until no device has pending
 * changes and two consecutive rounds leave the server's sequence where it was.
 */
async function quiesce(
  devices: readonly DeviceWorker[],
  server: RecordingServer,
  timeoutMs: number,
  note: (line: string) => void,
): Promise<{ rounds: number; problems: string[] }> {
  const deadline = Date.now() + timeoutMs;
  let lastSeq = -1;
  let calm = 0;
  let stuck = 0;
  for (let rounds = 1; ; rounds++) {
    const roundStart = Date.now();
    const took: number[] = [];
    const results = await Promise.all(
      devices.map(async (d, i) => {
        const result = await d.awaitInSync(Math.max(1_000, deadline - Date.now()));
        took[i] = Date.now() - roundStart;
        return result;
      }),
    );
    const seq = await server.store.currentSeq();
    const pending = results.map((r) => r.status.pending);
    const allInSync = results.every((r) => r.inSync);
    const noPending = pending.every((p) => p === 0);
    calm = allInSync && noPending && seq === lastSeq ? calm + 1 : 0;
    // In sync, nothing moving on the server, yet changes said to be pending: they never will go.
    stuck = allInSync && !noPending && seq === lastSeq ? stuck + 1 : 0;
    note(
      `quiesce round ${rounds}: seq ${seq}, pending [${pending.join(',')}], took [${took.join(',')}] ms${
        allInSync ? '' : ', not in sync'
      }`,
    );
    lastSeq = seq;
    if (calm >= 2) return { rounds, problems: [] };
    if (stuck >= 5 || Date.now() > deadline) {
      return {
        rounds,
        problems: [
          `the system did not quiesce after ${rounds} rounds: seq ${seq}, pending [${pending.join(',')}], states [${results
            .map((r) => `${r.status.state}${r.status.lastError ? ` (${r.status.lastError})` : ''}`)
            .join(', ')}]`,
        ],
      };
    }
  }
}

/**
 * For the records and fields the problems name: their history on the server (every committed
 * version) and on each device (every local write: the user's, pulls, merges).
 */
async function explain(
  problems: readonly string[],
  committed: RecordingServer['committed'],
  devices: readonly DeviceWorker[],
  started: number,
): Promise<string[]> {
  const named = new Map<string, string | null>();
  for (const p of problems) {
    for (const m of p.matchAll(/(\w+\/[0-9a-f-]{36})(?:\.(\w+))?/g)) {
      if (!named.has(m[1]!) || m[2]) named.set(m[1]!, m[2] ?? null);
    }
  }
  const lines: string[] = [];
  const describe = (doc: Record<string, unknown>, field: string | null) => {
    const clocks = (doc.clocks ?? {}) as Record<string, string>;
    return field ? `${field} = ${JSON.stringify(doc[field])} @${clocks[field] ?? 'creation'}` : '';
  };
  for (const [k, field] of [...named].slice(0, 5)) {
    lines.push(`server history of ${k}${field ? `.${field}` : ''}:`);
    for (const v of committed) {
      if (`${v.collection}/${v.id}` !== k) continue;
      lines.push(`  seq ${v.seq} hlc ${v.hlc} by ${String(v.body.updatedBy).slice(-1)}: ${describe(v.body, field)}`);
    }
    const [collection, id] = k.split('/') as [DeviceCollection, string];
    for (const [i, device] of devices.entries()) {
      lines.push(`dev${i}'s local writes of ${k}:`);
      for (const w of await device.history(collection, id)) {
        lines.push(
          `  ${String(w.at - started).padStart(6)}ms ${w.context.slice(0, 28).padEnd(28)} hlc ${String(w.doc.hlc)}: ${describe(w.doc, field)}`,
        );
      }
    }
  }
  return lines;
}
