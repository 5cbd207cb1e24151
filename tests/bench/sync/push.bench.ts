import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contact } from '../../../domain/schemas/contact';
import type { PullResponse, PushResponse } from '../../../domain/sync-protocol';
import { openStore } from '../../../sync-server/store/open-store';
import type { RecordWrite } from '../../../sync-server/store/store';
import { startBenchServer } from '../support/bench-server';
import { openBenchPostgres, type BenchPostgres } from '../support/bench-postgres';
import { demoContacts, pushRow, recordWrite } from '../support/demo-contacts';
import { log, measurement, median, round, runPart, type Measurement } from '../support/result';
import { rawInsertFloor, timed, type Timed } from './raw-insert';

/**
 * Part `sync-push`: server push throughput through the real HTTP server (POST
 * /sync/contacts/push, batches of 100, a few concurrent clients) against the raw batched insert
 * floor of the same database, for SQLite (WAL, synchronous=FULL) and PostgreSQL.
 */
const PART = 'sync-push';
const BATCH = 100;
const CLIENTS = 4;
const TARGET = 0.5;
const WARMUP = 2_000;

type Kind = 'sqlite' | 'postgres';

interface Round {
  raw: Timed;
  store: Timed;
  http: Timed;
}

await runPart(PART, async ({ quick }) => {
  const docs = quick ? 5_000 : 20_000;
  const rounds = quick ? 1 : 3;
  const contacts = demoContacts(docs);
  // Other contacts to warm up each process (JIT, statements, connections) before the clock starts.
  const warmup = demoContacts(WARMUP, docs);
  const raw = contacts.map((c) => ({ id: c.id, body: c }));
  const writes = contacts.map(recordWrite);
  // The clients are not what is measured: their request bodies are ready before the clock starts.
  const bodies = pushBodies(contacts);
  const warmupBodies = pushBodies(warmup);
  log(PART, `${docs} demo contacts, ${Math.round(bodies.join('').length / docs)} bytes of push JSON each`);

  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-push-'));
  let postgres: BenchPostgres | null = null;
  const results: Record<Kind, Round[]> = { sqlite: [], postgres: [] };
  const notes: string[] = [];
  try {
    let file = 0;
    const freshSqlite = async () => `sqlite:${join(dir, `push-${++file}.db`)}`;
    postgres = await openBenchPostgres();
    for (const kind of ['sqlite', 'postgres'] as const) {
      const fresh = kind === 'sqlite' ? freshSqlite : () => postgres!.createDatabase();
      await rawInsertFloor(
        await fresh(),
        warmup.map((c) => ({ id: c.id, body: c })),
        BATCH,
      );
      await storePut(await fresh(), warmup.map(recordWrite));
      for (let r = 1; r <= rounds; r++) {
        const url = await fresh();
        const rawResult = await rawInsertFloor(url, raw, BATCH);
        const storeResult = await storePut(await fresh(), writes);
        const httpResult = await httpPush(url, warmupBodies, bodies, docs, docs + warmup.length);
        results[kind].push({ raw: rawResult, store: storeResult, http: httpResult });
        log(
          PART,
          `${kind} round ${r}/${rounds}: raw ${rawResult.docsPerSecond} docs/s, Store.putRecords ` +
            `${storeResult.docsPerSecond}, HTTP push ${httpResult.docsPerSecond} ` +
            `(${round(httpResult.docsPerSecond / rawResult.docsPerSecond, 2)}×)`,
        );
      }
    }
    notes.push(
      `PostgreSQL: ${postgres.source}. SQLite: WAL, synchronous=FULL (the store's own settings).`,
      `Each round uses fresh databases; figures are medians of ${rounds} round(s), raw and push alternating; ` +
        'ratios are medians of the per-round ratios.',
      `Push: ${CLIENTS} concurrent HTTP clients in the bench process, the server in its own process; ` +
        'bodies are serialized before timing. Raw floor: bare (id, body) table, one transaction per 100 docs.',
    );
  } finally {
    await postgres?.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const measurements: Measurement[] = [];
  for (const kind of ['sqlite', 'postgres'] as const) {
    const list = results[kind];
    const label = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const rawRate = median(list.map((x) => x.raw.docsPerSecond));
    const baseline = { label: 'raw batched insert, bare table', value: rawRate, unit: 'docs/s' };
    measurements.push(
      measurement({
        id: `push.${kind}`,
        name: `${label}: HTTP push throughput`,
        figure: {
          label: `POST /sync/contacts/push ×${CLIENTS}`,
          value: median(list.map((x) => x.http.docsPerSecond)),
          unit: 'docs/s',
        },
        baseline,
        // A round's raw floor and push run within seconds of each other: the median of the per-round
        // ratios is steadier than the ratio of the medians when the machine's load drifts.
        ratio: median(list.map((x) => x.http.docsPerSecond / x.raw.docsPerSecond)),
        target: { on: 'ratio', op: '>=', value: TARGET },
        details: { rounds: list, docs, batch: BATCH, clients: CLIENTS },
      }),
      measurement({
        id: `store.${kind}`,
        name: `${label}: Store.putRecords, no HTTP (where the cost is)`,
        figure: {
          label: 'store.transaction(putRecords)',
          value: median(list.map((x) => x.store.docsPerSecond)),
          unit: 'docs/s',
        },
        baseline,
        ratio: median(list.map((x) => x.store.docsPerSecond / x.raw.docsPerSecond)),
        target: null,
      }),
    );
  }
  return { config: { docs, batch: BATCH, clients: CLIENTS, rounds }, measurements, notes };
});

/** The store alone: what putRecords costs without HTTP, validation and conflict checks. */
async function storePut(url: string, writes: readonly RecordWrite[]): Promise<Timed> {
  const store = await openStore(url);
  try {
    const started = performance.now();
    for (let i = 0; i < writes.length; i += BATCH) {
      const rows = writes.slice(i, i + BATCH);
      await store.transaction((tx) => tx.putRecords(rows));
    }
    return timed(writes.length, performance.now() - started);
  } finally {
    await store.close();
  }
}

function pushBodies(contacts: readonly Contact[]): string[] {
  const bodies: string[] = [];
  for (let i = 0; i < contacts.length; i += BATCH) {
    bodies.push(JSON.stringify({ rows: contacts.slice(i, i + BATCH).map(pushRow) }));
  }
  return bodies;
}

/**
 * Every body through POST /sync/contacts/push from CLIENTS concurrent clients, after the warm-up
 * bodies (not timed); every row must be accepted. `total` is what the store must hold at the end
 * (warm-up included).
 */
async function httpPush(
  dbUrl: string,
  warmupBodies: readonly string[],
  bodies: readonly string[],
  docs: number,
  total: number,
): Promise<Timed> {
  const server = await startBenchServer({ dbUrl });
  try {
    const endpoint = `${server.url}/sync/contacts/push`;
    await pushAll(endpoint, warmupBodies);
    const started = performance.now();
    await pushAll(endpoint, bodies);
    const elapsed = performance.now() - started;
    const check = (await (await fetch(`${server.url}/sync/contacts/pull?checkpoint=0&limit=1`)).json()) as PullResponse;
    if (check.serverSeq !== total) throw new Error(`the server holds ${check.serverSeq} writes, expected ${total}`);
    return timed(docs, elapsed);
  } finally {
    await server.stop();
  }
}

async function pushAll(endpoint: string, bodies: readonly string[]): Promise<void> {
  let next = 0;
  const client = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: bodies[i],
      });
      const result = (await response.json()) as PushResponse;
      if (!response.ok || result.conflicts.length || result.rejected.length) {
        throw new Error(`push batch ${i} was not accepted whole: ${JSON.stringify(result).slice(0, 500)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
}
