import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../domain/schemas/contact';
import { demoContacts, recordWrite } from '../bench/support/demo-contacts';
import { createTestDevice, type TestDevice } from '../support/sync-device';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * `SyncEngine.caughtUp(collection)` is what a device waits for before it may conclude that a
 * record the server should have made (the default pipeline and lists) is missing: from then on a
 * record missing on the device is missing on the server too. So it must not resolve while pulled
 * records are still on their way into the device's store — whichever part of the engine pulls
 * first, the initial-sync bootstrap or the replication itself (a collection the bootstrap does not
 * take, or one whose bootstrap failed).
 */

/** More than two of the replication's pages (500), so that the last page comes after others. */
const SEEDED = 1_200;

let server: TestServer;
let seeded: Contact[];
const devices: TestDevice[] = [];

beforeAll(async () => {
  server = await startTestServer();
  seeded = demoContacts(SEEDED);
  await server.store.transaction((tx) => tx.putRecords(seeded.map(recordWrite)));
});
afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
});
afterAll(async () => {
  await server.close();
});

describe('a collection caught up with the server', () => {
  for (const bootstrap of [true, false]) {
    it(`holds every record the server has once caughtUp resolves (${bootstrap ? 'the bootstrap' : 'the replication'} pulls first)`, async () => {
      const device = await createTestDevice({
        serverUrl: server.url,
        collections: ['contacts'],
        name: bootstrap ? 'bootstrapped' : 'replicated',
        bootstrap,
      });
      devices.push(device);
      await device.engine.caughtUp('contacts');
      const held = await device.db.contacts.findByIds(seeded.map((c) => c.id)).exec();
      expect(held.size).toBe(SEEDED);
    });
  }
});
