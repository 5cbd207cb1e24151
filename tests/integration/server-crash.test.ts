import { afterEach, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../domain/collections';
import type { PushRow, SyncDocument } from '../../domain/sync-protocol';
import { insertRecord, updateRecord } from '../../renderer/db/record-writes';
import { callBody, dealBody } from '../support/record-bodies';
import { changed, created, pullAll, push, pushAccepted, RecordFactory, serverSeq } from '../support/protocol-client';
import { openStore } from '../../sync-server/store/open-store';
import { killServerProcesses, startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDevice, type TestDevice } from '../support/sync-device';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

/**
 * The real CLI as a child process, killed with SIGKILL or stopped with SIGTERM while clients
 * write. What must hold: every row the server acknowledged is there after a restart, with the
 * content it acknowledged; retries of unanswered pushes are harmless; devices converge.
 */

const PUSHERS = 4;
const ROWS_PER_BATCH = 5;
/** Kill once this many rows were acknowledged (or after STORM_MAX_MS, whichever first). */
const KILL_AFTER_ACKED = 200;
const STORM_MAX_MS = 4_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

interface Batch {
  collection: CollectionName;
  rows: PushRow[];
}

/**
 * One client of the storm: pushes small batches of new deals and calls (and edits of its own
 * acknowledged deals) one after another, like RxDB's push loop, and stops at the first request
 * that gets no answer. That batch is "in doubt": the server may or may not have committed it.
 */
class Pusher {
  /** The latest acknowledged version of every record this pusher wrote. */
  readonly acked = new Map<string, SyncDocument>();
  inDoubt: Batch | null = null;
  last: Batch | null = null;
  readonly surprises: string[] = [];
  private batches = 0;

  constructor(private readonly factory: RecordFactory) {}

  private nextBatch(): Batch {
    const collection: CollectionName = this.batches++ % 2 === 0 ? 'deals' : 'activities';
    const rows: PushRow[] = [];
    if (collection === 'deals') {
      const deals = [...this.acked.values()].filter((doc) => 'pipelineId' in doc);
      const target = deals[this.batches % Math.max(deals.length, 1)];
      if (target) {
        const edit = this.factory.edit('deals', target as SyncDocument<'deals'>, { notes: `edit ${this.batches}` });
        rows.push(changed(edit, target));
      }
    }
    while (rows.length < ROWS_PER_BATCH) {
      rows.push(
        created(
          collection === 'deals'
            ? this.factory.create('deals', dealBody({ title: `Storm deal ${this.batches}.${rows.length}` }))
            : this.factory.create('activities', callBody('', { subject: `Storm call ${this.batches}.${rows.length}` })),
        ),
      );
    }
    return { collection, rows };
  }

  async run(url: string, stopped: () => boolean, onAck: (rows: number) => void): Promise<void> {
    while (!stopped()) {
      const batch = this.nextBatch();
      this.last = batch;
      const answer = await push(url, batch.collection, batch.rows).catch(() => null);
      if (!answer || answer.status !== 200) {
        this.inDoubt = batch;
        return;
      }
      const refused = new Set([...answer.body.conflicts, ...answer.body.rejected].map((r) => r.id));
      if (refused.size) this.surprises.push(answer.text.slice(0, 300));
      for (const row of batch.rows) {
        if (!refused.has(row.newDocumentState.id)) this.acked.set(row.newDocumentState.id, row.newDocumentState);
      }
      onAck(batch.rows.length - refused.size);
    }
  }
}

/** Every deal and activity the server holds, by id. */
async function storedRecords(url: string): Promise<Map<string, SyncDocument>> {
  const all = new Map<string, SyncDocument>();
  for (const collection of ['deals', 'activities'] as const) {
    for (const [id, doc] of await pullAll(url, collection)) all.set(id, doc);
  }
  return all;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function withoutDeleted(doc: SyncDocument): Record<string, unknown> {
  const { _deleted, ...body } = doc as SyncDocument & Record<string, unknown>;
  void _deleted;
  return body;
}

for (const target of SERVER_TARGETS) describeCrashes(target);

function describeCrashes(target: ServerTarget) {
  describe(`sync server killed and restarted — ${target.name}`, () => {
    const devices: TestDevice[] = [];
    afterEach(async () => {
      await Promise.all(devices.splice(0).map((device) => device.close()));
      await killServerProcesses();
    });

    it('keeps every acknowledged row through kill -9 mid-storm, and replays of unanswered pushes are idempotent', async () => {
      const dbUrl = await target.newDbUrl();
      const first = await startServerProcess({ dbUrl });
      const pushers = Array.from({ length: PUSHERS }, (_, i) => new Pusher(new RecordFactory(`storm${i}`)));
      let acked = 0;
      let killed = false;
      const storm = Promise.all(
        pushers.map((p) =>
          p.run(
            first.url,
            () => killed,
            (rows) => (acked += rows),
          ),
        ),
      );
      const started = Date.now();
      while (acked < KILL_AFTER_ACKED && Date.now() - started < STORM_MAX_MS) await sleep(2);
      await first.kill();
      killed = true;
      await within(storm, 15_000, 'the pushers noticing the dead server');
      expect(acked).toBeGreaterThan(50);
      expect(pushers.map((p) => p.surprises).flat()).toEqual([]);

      const second = await startServerProcess({ dbUrl });
      const stored = await storedRecords(second.url);
      const lost: string[] = [];
      for (const pusher of pushers) {
        // A batch is one transaction: after the crash it is there whole or not at all.
        const doubt = pusher.inDoubt?.rows.map((row) => row.newDocumentState) ?? [];
        const applied = doubt.filter((doc) => same(stored.get(doc.id), doc));
        expect([0, doubt.length]).toContain(applied.length);
        const committed = new Map(applied.map((doc) => [doc.id, doc]));
        for (const [id, doc] of pusher.acked) {
          if (!same(stored.get(id), committed.get(id) ?? doc)) lost.push(id);
        }
      }
      expect(lost).toEqual([]);

      // RxDB resends the batch it got no answer for: once, twice, it changes nothing more.
      for (let replay = 0; replay < 2; replay++) {
        const before = await serverSeq(second.url);
        for (const pusher of pushers) {
          const batch = pusher.inDoubt ?? pusher.last!;
          const answer = await push(second.url, batch.collection, batch.rows);
          expect(answer.status).toBe(200);
          expect(answer.body).toEqual({ conflicts: [], rejected: [] });
        }
        if (replay === 1) expect(await serverSeq(second.url)).toBe(before);
      }
      const final = await storedRecords(second.url);
      for (const pusher of pushers) {
        const latest = new Map(pusher.acked);
        for (const row of pusher.inDoubt?.rows ?? []) latest.set(row.newDocumentState.id, row.newDocumentState);
        for (const [id, doc] of latest) expect(final.get(id), id).toEqual(doc);
      }
    });

    it('brings two devices that keep writing through kill -9 and restart to the same records, losing nothing', async () => {
      const dbUrl = await target.newDbUrl();
      let server: ServerProcess = await startServerProcess({ dbUrl });
      const port = server.port;
      const alpha = await createTestDevice({ serverUrl: server.url, collections: ['deals'], name: 'alpha' });
      const bravo = await createTestDevice({ serverUrl: server.url, collections: ['deals'], name: 'bravo' });
      devices.push(alpha, bravo);
      const inSync = async () => {
        for (let round = 0; round < 3; round++) for (const d of [alpha, bravo]) await d.engine.awaitInSync();
      };

      const shared: string[] = [];
      for (let i = 0; i < 4; i++)
        shared.push((await insertRecord(alpha.ws, 'deals', dealBody({ title: `Shared ${i}` }))).id);
      await within(inSync(), 20_000, 'the first sync');
      expect(await bravo.db.deals.count().exec()).toBe(4);

      // Alpha edits titles, bravo edits notes, of the same deals: a merge keeps both sides' edits.
      const wrote = { alpha: new Set<string>(), bravo: new Set<string>() };
      const lastEdit = { alpha: new Map<string, string>(), bravo: new Map<string, string>() };
      let writing = true;
      const writer = async (device: TestDevice, name: 'alpha' | 'bravo') => {
        for (let i = 0; writing; i++) {
          if (i % 2 === 0) {
            const deal = await insertRecord(device.ws, 'deals', dealBody({ title: `${name} deal ${i}` }));
            wrote[name].add(deal.id);
          } else {
            const id = shared[i % shared.length]!;
            const value = `${name} edit ${i}`;
            await updateRecord(device.ws, 'deals', id, name === 'alpha' ? { title: value } : { notes: value });
            lastEdit[name].set(id, value);
          }
          await sleep(15);
        }
      };
      const writers = Promise.all([writer(alpha, 'alpha'), writer(bravo, 'bravo')]);
      await sleep(250);
      await server.kill();
      server = await startServerProcess({ dbUrl, port });
      await sleep(250);
      writing = false;
      await writers;
      await within(inSync(), 30_000, 'converging after the restart');

      const onServer = await pullAll(server.url, 'deals');
      const replica = async (device: TestDevice) =>
        new Map((await device.db.deals.find().exec()).map((doc) => [doc.id, { ...doc.toJSON(), _deleted: false }]));
      const [onAlpha, onBravo] = [await replica(alpha), await replica(bravo)];
      expect(onAlpha.size).toBe(onServer.size);
      expect(Object.fromEntries(onAlpha)).toEqual(Object.fromEntries(onServer));
      expect(Object.fromEntries(onBravo)).toEqual(Object.fromEntries(onServer));

      for (const id of [...wrote.alpha, ...wrote.bravo]) expect(onServer.has(id), id).toBe(true);
      for (const [id, title] of lastEdit.alpha) expect(onServer.get(id)?.title).toBe(title);
      for (const [id, notes] of lastEdit.bravo) expect(onServer.get(id)?.notes).toBe(notes);
      expect(alpha.engine.status.pending + bravo.engine.status.pending).toBe(0);
    });

    it('on SIGTERM finishes every push it already accepted, keeps them, refuses new ones and exits 0', async () => {
      const dbUrl = await target.newDbUrl();
      // At info level the server logs each request it receives: the test knows what is in flight.
      const server = await startServerProcess({ dbUrl, logLevel: 'info' });
      const received = /"url":"\/sync\/deals\/push"[^\n]*"msg":"incoming request"/;
      const factory = new RecordFactory('graceful');
      await pushAccepted(server.url, 'deals', [created(factory.create('deals', dealBody({ title: 'Before' })))]);

      // Hold the store's write lock so that the pushes below are certainly in flight at SIGTERM.
      const release = await target.holdWriteLock(dbUrl);
      let released = false;
      const batches = Array.from({ length: 4 }, (_, b) =>
        Array.from({ length: ROWS_PER_BATCH }, (_, i) =>
          factory.create('deals', dealBody({ title: `In flight ${b}.${i}` })),
        ),
      );
      const late = factory.create('deals', dealBody({ title: 'After SIGTERM' }));
      try {
        const inFlight = batches.map((docs) => push(server.url, 'deals', docs.map(created)));
        await server.waitForOutput(received, 1 + batches.length);
        const stopAsked = Date.now();
        server.signal('SIGTERM');
        await server.waitForOutput(/shutting down/);
        await sleep(100);
        const lateAnswer = push(server.url, 'deals', [created(late)]).then(
          (answer) => answer.status,
          () => 'refused',
        );
        await release();
        released = true;

        const answers = await within(Promise.all(inFlight), 10_000, 'the in-flight pushes');
        for (const answer of answers) {
          expect(answer.status).toBe(200);
          expect(answer.body).toEqual({ conflicts: [], rejected: [] });
        }
        expect(await lateAnswer).not.toBe(200);
        expect(await within(server.exited, 10_000, 'the server exiting after SIGTERM')).toEqual({
          code: 0,
          signal: null,
        });
        expect(Date.now() - stopAsked).toBeLessThan(5_000);
      } finally {
        if (!released) await release();
      }

      // Durable: a store opened afresh on the database has every accepted row, as pushed.
      const store = await openStore(dbUrl);
      try {
        const ids = [...batches.flat().map((doc) => doc.id), late.id];
        const stored = await store.getRecords('deals', ids);
        for (const doc of batches.flat()) expect(stored.get(doc.id)?.body, doc.title).toEqual(withoutDeleted(doc));
        expect(stored.has(late.id)).toBe(false);
      } finally {
        await store.close();
      }
    });
  });
}
