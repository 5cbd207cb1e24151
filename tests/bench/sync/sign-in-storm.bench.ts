import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchServer, type BenchServer } from '../support/bench-server';
import { demoContacts, pushRow } from '../support/demo-contacts';
import { log, measurement, percentile, round, runPart, type Measurement } from '../support/result';

/**
 * Part `sign-in-storm`: what a burst of wrong-password sign-ins costs the people who are syncing.
 * scrypt runs on Node's libuv thread pool, which gzip of pull answers shares; the server bounds
 * concurrent hashing (sync-server/auth/password-hasher.ts) so that a storm costs sign-ins, not sync.
 *
 * Each round starts a fresh server (the per-address limit allows one burst of 20 per window from
 * loopback), stores 2,000 contacts, then times gzip'd pulls of a 500-contact page one after
 * another: first on a quiet server (the baseline), then while 20 sign-ins with wrong passwords
 * for unknown emails arrive at once (the figure), until every sign-in has been answered.
 */
const PART = 'sign-in-storm';
const CONTACTS = 2000;
const PAGE = 500;
const BURST = 20;

interface Round {
  quiet: number[];
  storm: number[];
  /** Sign-in answers by status (401 checked, 503 refused as busy). */
  signIns: Record<string, number>;
  burstMs: number;
}

async function timedPull(server: BenchServer): Promise<number> {
  const started = performance.now();
  const response = await server.fetch(`${server.url}/sync/contacts/pull?checkpoint=0&limit=${PAGE}`, {
    headers: { 'Accept-Encoding': 'gzip' },
  });
  const body = (await response.json()) as { documents: unknown[] };
  if (!response.ok || body.documents.length !== PAGE) throw new Error(`pull answered ${response.status}`);
  return performance.now() - started;
}

async function round_(dbUrl: string, index: number, quietPulls: number): Promise<Round> {
  const server = await startBenchServer({ dbUrl });
  try {
    const contacts = demoContacts(CONTACTS);
    for (let i = 0; i < contacts.length; i += PAGE) {
      const response = await server.fetch(`${server.url}/sync/contacts/push`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rows: contacts.slice(i, i + PAGE).map(pushRow) }),
      });
      if (!response.ok) throw new Error(`push answered ${response.status}`);
    }
    for (let i = 0; i < 3; i++) await timedPull(server); // warm-up
    const quiet: number[] = [];
    for (let i = 0; i < quietPulls; i++) quiet.push(await timedPull(server));

    const signIns: Record<string, number> = {};
    let settled = false;
    const burstStarted = performance.now();
    const burst = Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        fetch(`${server.url}/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: `storm${index}-${i}@bench.example`, password: 'not the password 123' }),
        }).then(async (response) => {
          await response.arrayBuffer();
          signIns[response.status] = (signIns[response.status] ?? 0) + 1;
        }),
      ),
    ).then(() => {
      settled = true;
      return performance.now() - burstStarted;
    });
    const storm: number[] = [];
    while (!settled || storm.length < 3) storm.push(await timedPull(server));
    return { quiet, storm, signIns, burstMs: await burst };
  } finally {
    await server.stop();
  }
}

await runPart(PART, async ({ quick }) => {
  const rounds = quick ? 2 : 5;
  const quietPulls = quick ? 8 : 15;
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-storm-'));
  const results: Round[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const r = await round_(`sqlite:${join(dir, `round-${i}.db`)}`, i, quietPulls);
      log(
        PART,
        `round ${i + 1}: quiet pull p50 ${round(percentile(r.quiet, 50), 1)} ms, max ${round(Math.max(...r.quiet), 1)} ms; ` +
          `during the burst p50 ${round(percentile(r.storm, 50), 1)} ms, max ${round(Math.max(...r.storm), 1)} ms ` +
          `(${r.storm.length} pulls); sign-ins ${JSON.stringify(r.signIns)} answered in ${round(r.burstMs)} ms`,
      );
      results.push(r);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const quiet = results.flatMap((r) => r.quiet);
  const storm = results.flatMap((r) => r.storm);
  const signIns: Record<string, number> = {};
  for (const r of results)
    for (const [status, n] of Object.entries(r.signIns)) signIns[status] = (signIns[status] ?? 0) + n;

  const measurements: Measurement[] = [
    measurement({
      id: 'storm.pull.p50',
      name: `Pull of ${PAGE} contacts (gzip) p50, during ${BURST} concurrent wrong sign-ins`,
      figure: { label: 'during the burst', value: round(percentile(storm, 50), 1), unit: 'ms' },
      baseline: { label: 'quiet server', value: round(percentile(quiet, 50), 1), unit: 'ms' },
      target: null,
    }),
    measurement({
      id: 'storm.pull.max',
      name: `Pull of ${PAGE} contacts (gzip) max, during ${BURST} concurrent wrong sign-ins`,
      figure: { label: 'during the burst', value: round(Math.max(...storm), 1), unit: 'ms' },
      baseline: { label: 'quiet server', value: round(Math.max(...quiet), 1), unit: 'ms' },
      // The longest wait is what a storm did to sync: whole seconds while scrypt held the thread pool.
      target: { on: 'ratio', op: '<=', value: 5 },
      details: { signIns, burstMs: results.map((r) => round(r.burstMs)) },
    }),
  ];
  return {
    config: { rounds, contacts: CONTACTS, page: PAGE, burst: BURST, quietPulls },
    measurements,
    notes: [
      `${rounds} rounds, each on a fresh server (own process, SQLite, production scrypt cost); pulls one after ` +
        'another from the bench process; the burst: sign-ins for unknown emails, which cost a full scrypt each.',
      `Sign-in answers over all rounds: ${JSON.stringify(signIns)} (401 checked, 503 auth.busy refused unchecked).`,
    ],
  };
});
