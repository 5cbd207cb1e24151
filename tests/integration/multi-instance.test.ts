import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertRecord } from '../../renderer/db/record-writes';
import { buildServer } from '../../sync-server/server';
import { openPostgresStore } from '../../sync-server/store/postgres-store';
import type { Store } from '../../sync-server/store/store';
import { dealBody } from '../support/record-bodies';
import { created, openEventStream, pull, pushAccepted, RecordFactory } from '../support/protocol-client';
import { createTestDevice, type TestDevice } from '../support/sync-device';
import { TEST_LOCAL_KEY } from '../support/local-key';
import { TEST_PASSWORD_COST } from '../support/test-server';
import { getTestPostgresUrl } from './postgres-fixture';

/**
 * Teams run several sync server processes on one PostgreSQL database. A write through any of them
 * must reach devices connected to the others at once: each instance LISTENs for the commits of the
 * rest (NOTIFY) and pokes its own change-stream subscribers.
 */

interface Instance {
  url: string;
  store: Store;
  app: FastifyInstance;
}

async function startInstance(dbUrl: string): Promise<Instance> {
  // No safety-net poll: a poke in these tests can only come from LISTEN/NOTIFY.
  const store = await openPostgresStore(dbUrl, { pollIntervalMs: 0 });
  const app = await buildServer({
    store,
    auth: { mode: 'single-user', passwordCost: TEST_PASSWORD_COST, localKey: TEST_LOCAL_KEY },
    logger: false,
    streamCoalesceMs: 5,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`, store, app };
}

describe('two sync server instances on one PostgreSQL database', () => {
  let a: Instance;
  let b: Instance;
  const devices: TestDevice[] = [];
  const factory = new RecordFactory('writer');

  beforeAll(async () => {
    const dbUrl = await getTestPostgresUrl();
    a = await startInstance(dbUrl);
    b = await startInstance(dbUrl);
  });
  afterEach(async () => {
    await Promise.all(devices.splice(0).map((device) => device.close()));
  });
  afterAll(async () => {
    for (const instance of [a, b]) {
      await instance?.app.close();
      await instance?.store.close();
    }
  });

  it('pokes a client subscribed to instance B within a second of a push to instance A', async () => {
    const stream = await openEventStream(b.url);
    try {
      expect((await stream.next()).event).toBe('resync');
      const deal = factory.create('deals', dealBody({ title: 'Written through A' }));
      const pushedAt = Date.now();
      await pushAccepted(a.url, 'deals', [created(deal)]);
      const seqOnA = await a.store.currentSeq();

      const poke = await stream.next(1_000);
      expect(Date.now() - pushedAt).toBeLessThan(1_000);
      expect(poke.event).toBe('change');
      expect((JSON.parse(poke.data) as { seq: number }).seq).toBe(seqOnA);
      // And B serves what A wrote.
      const page = await pull(b.url, 'deals', seqOnA - 1);
      expect(page.documents).toEqual([deal]);
    } finally {
      stream.close();
    }
  });

  it('delivers to a device syncing against B a record written through A, without being asked to pull', async () => {
    const device = await createTestDevice({ serverUrl: b.url, collections: ['deals'], name: 'onb' });
    devices.push(device);
    await device.engine.awaitInSync();

    const deal = factory.create('deals', dealBody({ title: 'Fan-out through NOTIFY' }));
    await pushAccepted(a.url, 'deals', [created(deal)]);
    const deadline = Date.now() + 3_000;
    let arrived = await device.db.deals.findOne(deal.id).exec();
    while (!arrived && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      arrived = await device.db.deals.findOne(deal.id).exec();
    }
    expect(arrived?.toJSON()).toEqual(Object.fromEntries(Object.entries(deal).filter(([key]) => key !== '_deleted')));

    // And the other way round: what the device writes through B, A serves.
    const own = await insertRecord(device.ws, 'deals', dealBody({ title: 'Written on the device via B' }));
    await device.engine.awaitInSync();
    const onA = (await pull(a.url, 'deals', 0)).documents.find((d) => d.id === own.id);
    expect(onA).toEqual({ ...own, _deleted: false });
  });
});
