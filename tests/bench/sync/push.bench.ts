import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
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
import { rawStoreInsert } from './raw-store-insert';

/**
 * Part `sync-push`: server push throughput through the real HTTP server (POST
 * /sync/contacts/push, batches of 100, 16 concurrent clients: see README) against a raw batched insert into
 * the same store — the same records inserted with plain SQL into the store's own `records` table
 * (raw-store-insert.ts) — for SQLite (WAL, synchronous=FULL) and PostgreSQL. The bare `(id, body)`
 * table of the same database is still measured and reported as an informational floor.
 */
const PART = 'sync-push';
const BATCH = 100;
const CLIENTS = 16;
const TARGET = 0.5;
const WARMUP = 2_000;

type Kind = 'sqlite' | 'postgres';

interface Round {
  /** Plain batched INSERTs into the store's records table: the target's baseline. */
  rawStore: Timed;
  /** Plain batched INSERTs into a bare (id, body) table: a floor, for information. */
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
  // The clients are not what is measured: their request bodies are ready before the clock starts,
  // serialized and UTF-8 encoded (a string body would be re-encoded by fetch at every request).
  const bodies = pushBodies(contacts);
  const warmupBodies = pushBodies(warmup);
  const bytes = bodies.reduce((sum, body) => sum + body.byteLength, 0);
  log(PART, `${docs} demo contacts, ${Math.round(bytes / docs)} bytes of push JSON each`);

  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-push-'));
  let postgres: BenchPostgres | null = null;
  const results: Record<Kind, Round[]> = { sqlite: [], postgres: [] };
  const notes: string[] = [];
  try {
    let file = 0;
    postgres = await openBenchPostgres();
    for (const kind of ['sqlite', 'postgres'] as const) {
      /**
       * Each measurement in a database of its own, dropped as soon as it is measured: PostgreSQL's
       * autovacuum of a finished measurement's tables would otherwise run during the next one,
       * on the same 2 cores (it did: the last measurement of a round was regularly the slowest).
       */
      const measureIn = async <T>(measure: (url: string) => Promise<T>): Promise<T> => {
        const url = kind === 'sqlite' ? `sqlite:${join(dir, `push-${++file}.db`)}` : await postgres!.createDatabase();
        try {
          return await measure(url);
        } finally {
          if (kind === 'postgres') await postgres!.dropDatabase(url);
        }
      };
      await measureIn((url) =>
        rawInsertFloor(
          url,
          warmup.map((c) => ({ id: c.id, body: c })),
          BATCH,
        ),
      );
      await measureIn((url) => rawStoreInsert(url, warmup.map(recordWrite), BATCH));
      await measureIn((url) => storePut(url, warmup.map(recordWrite)));
      for (let r = 1; r <= rounds; r++) {
        const rawResult = await measureIn((url) => rawInsertFloor(url, raw, BATCH));
        const rawStoreResult = await measureIn((url) => rawStoreInsert(url, writes, BATCH));
        const storeResult = await measureIn((url) => storePut(url, writes));
        const httpResult = await measureIn((url) => httpPush(url, warmupBodies, bodies, docs, docs + warmup.length));
        results[kind].push({ rawStore: rawStoreResult, raw: rawResult, store: storeResult, http: httpResult });
        log(
          PART,
          `${kind} round ${r}/${rounds}: raw bare table ${rawResult.docsPerSecond} docs/s, raw records table ` +
            `${rawStoreResult.docsPerSecond}, Store.putRecords ${storeResult.docsPerSecond}, HTTP push ` +
            `${httpResult.docsPerSecond} (${round(httpResult.docsPerSecond / rawStoreResult.docsPerSecond, 2)}× ` +
            `the records table, ${round(httpResult.docsPerSecond / rawResult.docsPerSecond, 2)}× the bare table)`,
        );
      }
    }
    notes.push(
      `PostgreSQL: ${postgres.source}. SQLite: WAL, synchronous=FULL (the store's own settings).`,
      `Each measurement uses a fresh database, dropped once measured; figures are medians of ${rounds} round(s), raw and push alternating; ` +
        'ratios are medians of the per-round ratios.',
      `Push: ${CLIENTS} concurrent HTTP clients in the bench process, the server in its own process; ` +
        'bodies are serialized before timing.',
      "Target baseline: the same records inserted with plain SQL into the store's own records table " +
        '(same indexes, durability, 100 per transaction; no counter, no upsert, no lookups). ' +
        'Floor (information): a bare (id, body) table of the same database, 100 per transaction.',
    );
  } finally {
    await postgres?.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const measurements: Measurement[] = [];
  for (const kind of ['sqlite', 'postgres'] as const) {
    const list = results[kind];
    const label = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const baseline = {
      label: 'raw batched insert, records table',
      value: median(list.map((x) => x.rawStore.docsPerSecond)),
      unit: 'docs/s',
    };
    const floor = {
      label: 'raw batched insert, bare table',
      value: median(list.map((x) => x.raw.docsPerSecond)),
      unit: 'docs/s',
    };
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
        ratio: median(list.map((x) => x.http.docsPerSecond / x.rawStore.docsPerSecond)),
        target: { on: 'ratio', op: '>=', value: TARGET },
        details: { rounds: list, docs, batch: BATCH, clients: CLIENTS },
      }),
      measurement({
        id: `push-floor.${kind}`,
        name: `${label}: HTTP push vs the bare-table floor (information)`,
        figure: {
          label: `POST /sync/contacts/push ×${CLIENTS}`,
          value: median(list.map((x) => x.http.docsPerSecond)),
          unit: 'docs/s',
        },
        baseline: floor,
        ratio: median(list.map((x) => x.http.docsPerSecond / x.raw.docsPerSecond)),
        target: null,
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
        ratio: median(list.map((x) => x.store.docsPerSecond / x.rawStore.docsPerSecond)),
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

function pushBodies(contacts: readonly Contact[]): Uint8Array<ArrayBuffer>[] {
  const bodies: Uint8Array<ArrayBuffer>[] = [];
  for (let i = 0; i < contacts.length; i += BATCH) {
    bodies.push(Buffer.from(JSON.stringify({ rows: contacts.slice(i, i + BATCH).map(pushRow) })));
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
  warmupBodies: readonly Uint8Array<ArrayBuffer>[],
  bodies: readonly Uint8Array<ArrayBuffer>[],
  docs: number,
  total: number,
): Promise<Timed> {
  const server = await startBenchServer({ dbUrl });
  try {
    const endpoint = `${server.url}/sync/contacts/push`;
    const headers = { 'Content-Type': 'application/json', ...server.authorization };
    await pushAll(endpoint, headers, warmupBodies);
    const started = performance.now();
    await pushAll(endpoint, headers, bodies);
    const elapsed = performance.now() - started;
    const check = (await (
      await server.fetch(`${server.url}/sync/contacts/pull?checkpoint=0&limit=1`)
    ).json()) as PullResponse;
    // Signing in wrote the owner and the default records before the pushes.
    const expected = server.seqAfterSignIn + total;
    if (check.serverSeq !== expected)
      throw new Error(`the server holds ${check.serverSeq} writes, expected ${expected}`);
    return timed(docs, elapsed);
  } finally {
    await server.stop();
  }
}

/**
 * `headers`: built once, signed in. node:http with keep-alive, not fetch: the clients share the
 * server's cores, so their own per-request work is kept small (README).
 */
async function pushAll(
  endpoint: string,
  headers: Record<string, string>,
  bodies: readonly Uint8Array<ArrayBuffer>[],
): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const url = new URL(endpoint);
  const post = (body: Uint8Array) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { ...headers, 'Content-Length': String(body.byteLength) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  let next = 0;
  const client = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const response = await post(bodies[i]!);
      const result = JSON.parse(response.text) as PushResponse;
      if (response.status !== 200 || result.conflicts.length || result.rejected.length) {
        throw new Error(`push batch ${i} was not accepted whole: ${response.text.slice(0, 500)}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: CLIENTS }, client));
  } finally {
    agent.destroy();
  }
}
