import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PushResponse } from '../../../domain/sync-protocol';
import { subscribeToChanges } from '../../../renderer/db/sync/change-stream';
import { createSyncHttp } from '../../../renderer/db/sync/sync-http';
import { startBenchServer } from '../support/bench-server';
import { demoContacts, pushRow } from '../support/demo-contacts';
import { log, measurement, percentile, round, runPart, type Measurement } from '../support/result';

/**
 * Part `sync-fanout`: write-to-client latency with many devices connected. Each simulated device
 * listens to GET /sync/stream with the renderer's own subscribeToChanges and, on every poke, pulls
 * from its checkpoint with the renderer's createSyncHttp (as the sync engine does). One writer
 * pushes a new contact every 50–100 ms; a sample is the time from the start of that push request
 * to one device holding the document from its follow-up pull (ElectricSQL's "write-to-client").
 * Baseline: the same with one device. The server runs in its own process, on loopback.
 */
const PART = 'sync-fanout';
const TARGET_P95_MS = 250;
/** The engine's default pull page. */
const PULL_LIMIT = 500;

interface RunResult {
  clients: number;
  writes: number;
  samples: number[];
  /** Deliveries expected (writes × clients) that never arrived. */
  missing: number;
  connectMs: number;
}

function stat_(samples: readonly number[], stat: 'p50' | 'p95' | 'p99' | 'max'): number {
  if (stat === 'max') return round(Math.max(...samples), 1);
  return round(percentile(samples, Number(stat.slice(1))), 1);
}

function summary(r: RunResult): string {
  return (
    `${r.clients} client(s): ${r.writes} writes, ${r.samples.length} deliveries (${r.missing} missing), ` +
    `p50 ${stat_(r.samples, 'p50')} ms, p95 ${stat_(r.samples, 'p95')} ms, p99 ${stat_(r.samples, 'p99')} ms, ` +
    `max ${stat_(r.samples, 'max')} ms; all connected in ${round(r.connectMs)} ms`
  );
}

/** A device: the change stream, and a pull loop by checkpoint that runs again when poked meanwhile. */
class Device {
  private checkpoint = 0;
  private pulling = false;
  private again = false;
  private readonly http;
  private readonly stop: () => void;
  connected = false;
  pulls = 0;

  constructor(
    baseUrl: string,
    /** Signed in as the server's owner (bench-server.ts). */
    signedInFetch: typeof fetch,
    private readonly onDocuments: (ids: readonly string[], at: number) => void,
    private readonly onError: (error: unknown) => void,
  ) {
    this.http = createSyncHttp({ baseUrl, fetch: signedInFetch });
    this.stop = subscribeToChanges({
      baseUrl,
      fetch: signedInFetch,
      onEvent: () => void this.poke(),
      onConnectionChange: (connected) => (this.connected = connected),
    });
  }

  async poke(): Promise<void> {
    if (this.pulling) {
      this.again = true;
      return;
    }
    this.pulling = true;
    try {
      do {
        this.again = false;
        for (;;) {
          const page = await this.http.pull('contacts', this.checkpoint, PULL_LIMIT);
          this.pulls++;
          this.checkpoint = page.checkpoint.seq;
          if (page.documents.length)
            this.onDocuments(
              page.documents.map((d) => d.id),
              performance.now(),
            );
          if (page.documents.length < PULL_LIMIT) break;
        }
      } while (this.again);
    } catch (error) {
      this.onError(error);
    } finally {
      this.pulling = false;
    }
  }

  close(): void {
    this.stop();
  }
}

async function fanout(
  dbUrl: string,
  clients: number,
  seconds: number,
  contacts: ReturnType<typeof demoContacts>,
): Promise<RunResult> {
  const server = await startBenchServer({ dbUrl });
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  const received = new Map<string, number>();
  const errors: unknown[] = [];
  const devices: Device[] = [];
  try {
    const connectStarted = performance.now();
    for (let i = 0; i < clients; i++) {
      devices.push(
        new Device(
          server.url,
          server.fetch,
          (ids, at) => {
            for (const id of ids) {
              const sent = sentAt.get(id);
              if (sent === undefined) continue;
              samples.push(at - sent);
              received.set(id, (received.get(id) ?? 0) + 1);
            }
          },
          (error) => errors.push(error),
        ),
      );
    }
    await waitFor(() => devices.every((d) => d.connected && d.pulls > 0), 30_000, 'devices to connect');
    const connectMs = performance.now() - connectStarted;

    // One push first, not measured: the server's routes and statements warm up.
    const endpoint = `${server.url}/sync/contacts/push`;
    const push = async (contact: (typeof contacts)[number]) => {
      const response = await server.fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rows: [pushRow(contact)] }),
      });
      const result = (await response.json()) as PushResponse;
      if (!response.ok || result.conflicts.length || result.rejected.length) {
        throw new Error(`push not accepted: ${JSON.stringify(result).slice(0, 300)}`);
      }
    };
    await push(contacts[0]!);
    await sleep(500);

    // Deterministic intervals of 50–100 ms.
    let writes = 0;
    const pushes: Promise<void>[] = [];
    const until = performance.now() + seconds * 1000;
    for (let i = 1; i < contacts.length && performance.now() < until; i++) {
      const contact = contacts[i]!;
      sentAt.set(contact.id, performance.now());
      pushes.push(push(contact));
      writes++;
      await sleep(50 + ((i * 37) % 51));
    }
    await Promise.all(pushes);
    // Let the last deliveries arrive.
    await waitFor(() => samples.length >= writes * clients, 5_000, 'the last deliveries').catch(() => undefined);
    if (errors.length) throw new Error(`a device failed to pull: ${String(errors[0])}`);
    return { clients, writes, samples, missing: writes * clients - samples.length, connectMs };
  } finally {
    for (const device of devices) device.close();
    await server.stop();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

await runPart(PART, async ({ quick }) => {
  const seconds = quick ? 6 : 20;
  const many = 100;
  const maxWrites = Math.ceil((seconds * 1000) / 50) + 10;
  // Two runs, each with its own new documents.
  const contacts = demoContacts(maxWrites * 2);
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-fanout-'));
  let one: RunResult;
  let hundred: RunResult;
  try {
    one = await fanout(`sqlite:${join(dir, 'one.db')}`, 1, seconds, contacts.slice(0, maxWrites));
    log(PART, summary(one));
    hundred = await fanout(`sqlite:${join(dir, 'many.db')}`, many, seconds, contacts.slice(maxWrites));
    log(PART, summary(hundred));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const measurements: Measurement[] = (['p50', 'p95', 'p99', 'max'] as const).map((stat) =>
    measurement({
      id: `fanout.${stat}`,
      name: `Write-to-client latency ${stat}, ${many} clients`,
      figure: { label: `${many} clients`, value: stat_(hundred!.samples, stat), unit: 'ms' },
      baseline: { label: '1 client', value: stat_(one!.samples, stat), unit: 'ms' },
      target: stat === 'p95' ? { on: 'figure', op: '<', value: TARGET_P95_MS } : null,
      ...(stat === 'p95'
        ? {
            details: {
              hundred: { ...hundred!, samples: hundred!.samples.length },
              one: { ...one!, samples: one!.samples.length },
            },
          }
        : {}),
    }),
  );
  const notes = [
    `${seconds} s of writes per run, one new contact per push every 50–100 ms; the server (SQLite store, ` +
      'production stream settings: pokes coalesced 25 ms) in its own process; devices and writer share the ' +
      'bench process (2 cores in all), so client-side queueing is part of the figure.',
  ];
  if (hundred!.missing || one!.missing) {
    notes.push(`Deliveries missing at the end: ${hundred!.missing} (100 clients), ${one!.missing} (1 client).`);
  }
  return { config: { seconds, clients: many, pullLimit: PULL_LIMIT }, measurements, notes };
});
