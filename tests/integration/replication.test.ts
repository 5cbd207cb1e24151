import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../domain/collections';
import { moveDealToStage } from '../../domain/deal-lifecycle';
import type { Pipeline } from '../../domain/schemas/pipeline';
import { createRecord } from '../../domain/record-edits';
import { uuidv7 } from '../../domain/ids';
import { insertRecord, updateRecord } from '../../renderer/db/record-writes';
import { SYNC_LOCAL_DOCS, type ConflictEntry, type RejectedChange } from '../../renderer/db/sync/sync-journal';
import { PIPELINE, STAGES, dealBody } from '../support/record-bodies';
import { createTestDevice, type TestDevice } from '../support/sync-device';
import { startTestServer, type TestServer } from '../support/test-server';

const COLLECTIONS: CollectionName[] = ['pipelines', 'deals', 'stage_changes'];

let server: TestServer;
const devices: TestDevice[] = [];

async function device(name: string) {
  const d = await createTestDevice({ serverUrl: server.url, collections: COLLECTIONS, name });
  devices.push(d);
  return d;
}

async function inSync(...all: TestDevice[]) {
  // Twice: a merge resolved on one device is pushed, then pulled by the others.
  for (let round = 0; round < 2; round++) for (const d of all) await d.engine.awaitInSync();
}

async function withPipeline(d: TestDevice) {
  const { id, ...body } = PIPELINE;
  if (!(await d.db.pipelines.findOne(id).exec())) await insertRecord(d.ws, 'pipelines', body, id);
}

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
});
afterAll(async () => {
  await server.close();
});

describe('replication between devices through the sync server', () => {
  it('delivers a record created on one device to another', async () => {
    const a = await device('alpha');
    const b = await device('bravo');
    await withPipeline(a);
    const deal = await insertRecord(a.ws, 'deals', dealBody({ title: 'Created on alpha' }));
    await inSync(a, b);
    const onB = await b.db.deals.findOne(deal.id).exec();
    expect(onB?.title).toBe('Created on alpha');
    expect(onB?.hlc).toBe(deal.hlc);
  });

  it('merges offline edits of different fields of one deal, keeping both', async () => {
    const a = await device('alpha');
    const b = await device('bravo');
    await withPipeline(a);
    const deal = await insertRecord(a.ws, 'deals', dealBody());
    await inSync(a, b);

    await a.setOnline(false);
    await updateRecord(a.ws, 'deals', deal.id, { value: { amount: 9_900_000, currency: 'USD' } });
    await updateRecord(b.ws, 'deals', deal.id, { title: 'Renamed on bravo' });
    await b.engine.awaitInSync();
    await a.setOnline(true);
    await inSync(a, b, a);

    for (const d of [a, b]) {
      const doc = (await d.db.deals.findOne(deal.id).exec())!.toJSON();
      expect(doc.title).toBe('Renamed on bravo');
      expect(doc.value.amount).toBe(9_900_000);
    }
    const stored = await server.store.getRecords('deals', [deal.id]);
    expect(stored.get(deal.id)?.body).toMatchObject({ title: 'Renamed on bravo', value: { amount: 9_900_000 } });
  });

  it('gives a field edited on two devices to the later edit and logs the loser for its author', async () => {
    const a = await device('alpha');
    const b = await device('bravo');
    await withPipeline(a);
    const deal = await insertRecord(a.ws, 'deals', dealBody());
    await inSync(a, b);

    await a.setOnline(false);
    await updateRecord(a.ws, 'deals', deal.id, { title: 'Alpha’s title (earlier)' });
    await new Promise((r) => setTimeout(r, 5));
    await updateRecord(b.ws, 'deals', deal.id, { title: 'Bravo’s title (later)' });
    await b.engine.awaitInSync();
    await a.setOnline(true);
    await inSync(a, b, a);

    expect((await a.db.deals.findOne(deal.id).exec())?.title).toBe('Bravo’s title (later)');
    expect((await b.db.deals.findOne(deal.id).exec())?.title).toBe('Bravo’s title (later)');
    const log = (await a.db.getLocal<{ items: ConflictEntry[] }>(SYNC_LOCAL_DOCS.conflicts))?.toJSON().data.items ?? [];
    expect(log).toEqual([
      expect.objectContaining({
        recordId: deal.id,
        field: 'title',
        mine: 'Alpha’s title (earlier)',
        theirs: 'Bravo’s title (later)',
      }),
    ]);
  });

  for (const order of ['the loser reconnects first', 'the loser reconnects second'] as const) {
    it(`tells the author of the losing edit of two offline edits of one deal's notes, when ${order}`, async () => {
      const a = await device('alpha');
      const b = await device('bravo');
      await withPipeline(a);
      const deal = await insertRecord(a.ws, 'deals', dealBody({ notes: 'Agreed on a pilot' }));
      await inSync(a, b);

      await a.setOnline(false);
      await b.setOnline(false);
      await updateRecord(a.ws, 'deals', deal.id, { notes: 'Alpha: pilot for 20 seats (earlier)' });
      await new Promise((r) => setTimeout(r, 5));
      await updateRecord(b.ws, 'deals', deal.id, { notes: 'Bravo: pilot for 50 seats (later)' });
      const [first, second] = order === 'the loser reconnects first' ? [a, b] : [b, a];
      await first.setOnline(true);
      await first.engine.awaitInSync();
      await second.setOnline(true);
      await inSync(second, first, second, first);

      for (const d of [a, b]) {
        expect((await d.db.deals.findOne(deal.id).exec())?.notes).toBe('Bravo: pilot for 50 seats (later)');
      }
      const logOf = async (d: TestDevice) =>
        (await d.db.getLocal<{ items: ConflictEntry[] }>(SYNC_LOCAL_DOCS.conflicts))?.toJSON().data.items ?? [];
      expect(await logOf(a)).toEqual([
        expect.objectContaining({
          collection: 'deals',
          recordId: deal.id,
          field: 'notes',
          mine: 'Alpha: pilot for 20 seats (earlier)',
          theirs: 'Bravo: pilot for 50 seats (later)',
        }),
      ]);
      expect(await logOf(b)).toEqual([]);
      // Pulling the record again tells nothing twice.
      await a.engine.awaitInSync();
      expect(await logOf(a)).toHaveLength(1);
    });
  }

  /**
   * Alpha and Bravo move one deal to the same stage unaware of each other (Bravo later), then
   * Charlie, who saw neither, moves it elsewhere later still. Bravo's clock took Alpha's place on
   * the server without loss (same stage); Charlie's merge replaces Bravo's clock, unseen. Alpha's
   * move is lost as surely as Bravo's, and both must be told, however Alpha's device learnt of
   * Bravo's move.
   */
  const alphaPaths = {
    'Alpha pulled Bravo’s move before Charlie’s': 'pulled',
    'Alpha was offline from its push until after Charlie’s': 'offline',
    'Alpha’s move reached the server only as Bravo’s': 'unpushed',
  } as const;
  for (const [path, how] of Object.entries(alphaPaths)) {
    it(`tells both authors of one stage move replaced unseen by a later move, when ${path}`, async () => {
      const a = await device('alpha');
      const b = await device('bravo');
      const c = await device('charlie');
      await withPipeline(a);
      const deal = await insertRecord(a.ws, 'deals', dealBody());
      await inSync(a, b, c);
      const move = async (d: TestDevice, stageId: string) => {
        const current = (await d.db.deals.findOne(deal.id).exec())!.toJSON() as typeof deal;
        const result = moveDealToStage(
          current,
          PIPELINE as unknown as Pipeline,
          stageId,
          new Date().toISOString(),
          d.ws.user.id,
        );
        if (!result.ok || !result.value) throw new Error(`${d.name} cannot move the deal to ${stageId}`);
        await updateRecord(d.ws, 'deals', deal.id, result.value.patch);
        await new Promise((r) => setTimeout(r, 5));
      };
      const [proposal, negotiation] = [STAGES[1]!, STAGES[2]!];

      await b.setOnline(false);
      await c.setOnline(false);
      if (how === 'unpushed') await a.setOnline(false);
      await move(a, proposal);
      if (how !== 'unpushed') await a.engine.awaitInSync();
      if (how === 'offline') await a.setOnline(false);
      await move(b, proposal);
      await b.setOnline(true);
      await b.engine.awaitInSync();
      if (how !== 'offline') {
        await a.setOnline(true);
        await inSync(a, b, a);
      }
      expect((await server.store.getRecords('deals', [deal.id])).get(deal.id)?.body.clocks).toMatchObject({
        stageId: expect.stringContaining('bravo'),
      });

      await move(c, negotiation);
      await c.setOnline(true);
      await a.setOnline(true);
      await inSync(c, a, b, c, a, b);

      for (const d of [a, b, c]) expect((await d.db.deals.findOne(deal.id).exec())?.stageId).toBe(negotiation);
      const logOf = async (d: TestDevice) =>
        (await d.db.getLocal<{ items: ConflictEntry[] }>(SYNC_LOCAL_DOCS.conflicts))?.toJSON().data.items ?? [];
      const lostMove = expect.objectContaining({
        recordId: deal.id,
        field: 'stageId',
        mine: proposal,
        theirs: negotiation,
      });
      expect((await logOf(a)).filter((e) => e.field === 'stageId')).toEqual([lostMove]);
      expect((await logOf(b)).filter((e) => e.field === 'stageId')).toEqual([lostMove]);
      expect(await logOf(c)).toEqual([]);
    });
  }

  it('reverts a change the server refuses and keeps it in the rejected list', async () => {
    const a = await device('alpha');
    await withPipeline(a);
    // Bypass the UI's rules to write what only a buggy or hostile client would: LOST without a reason.
    const id = uuidv7();
    const bad = createRecord(
      'deals',
      id,
      { ...dealBody(), status: 'LOST', closedAt: '2026-11-20T10:00:00.000Z' },
      {
        userId: a.ws.user.id,
        hlc: a.clock.now(),
        now: new Date().toISOString(),
      },
    );
    await a.db.deals.insert(bad);
    a.journal.notePendingWrite('deals', id, bad.hlc);
    await inSync(a);

    expect(await a.db.deals.findOne(id).exec()).toBeNull();
    expect((await server.store.getRecords('deals', [id])).size).toBe(0);
    const rejected =
      (await a.db.getLocal<{ items: RejectedChange[] }>(SYNC_LOCAL_DOCS.rejections))?.toJSON().data.items ?? [];
    expect(rejected).toEqual([expect.objectContaining({ recordId: id, code: 'deal.lostReasonRequired' })]);
    expect(a.engine.status.pending).toBe(0);
  });

  it('counts local changes until the server has them', async () => {
    const a = await device('alpha');
    await withPipeline(a);
    await a.engine.awaitInSync();
    await a.setOnline(false);
    for (let i = 0; i < 3; i++) await insertRecord(a.ws, 'deals', dealBody({ title: `Offline deal ${i}` }));
    expect(a.engine.status.pending).toBe(3);
    await a.setOnline(true);
    await inSync(a);
    expect(a.engine.status.pending).toBe(0);
    expect(a.engine.status.lastSyncedAt).not.toBeNull();
  });

  it('reports offline, not a sync problem, when the network is gone, and recovers when it returns', async () => {
    const a = await device('alpha');
    await withPipeline(a);
    await a.engine.awaitInSync();
    a.online = false; // the network drops without the app being told
    await insertRecord(a.ws, 'deals', dealBody({ title: 'Written in a tunnel' }));
    await expect.poll(() => a.engine.status.state, { timeout: 15_000 }).toBe('offline');
    expect(a.engine.status.lastError).toBeNull();
    a.online = true;
    a.engine.resync();
    await expect.poll(() => a.engine.status.pending, { timeout: 30_000 }).toBe(0);
    expect(a.engine.status.state).toBe('online');
  });
});
