import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RxChangeEventBulk } from 'rxdb';
import type { Subscription } from 'rxjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RecentRecord } from '../../domain/recent-records';
import { parseSearchQuery } from '../../domain/search-text';
import type { OutpostDatabase } from '../../renderer/db/database';
import { searchIndexFor } from '../../renderer/db/search-index-for';
import { PaletteSearch } from '../../renderer/search/palette-search';
import { recentRecords$ } from '../../renderer/search/recent-records';
import { demoContacts, recordWrite } from '../bench/support/demo-contacts';
import { createTestDevice, type TestDevice } from '../support/sync-device';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * What a first sync writes goes to storage, not to the page's heap: once the device is in sync
 * and the searches have taken the changes, nothing on the page still holds the change events of the
 * sync's writes (docs/adr/0043-change-events-without-rxdb-cache.md). At the large workspace they
 * were ~500 MiB kept until a relaunch.
 */

/** Three bootstrap pages (1,000 each). */
const SEEDED = 3_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A full collection: a WeakRef is cleared only after the job that last read it has ended. */
async function collectGarbage() {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
}

/** The change events RxDB keeps per collection for live queries to catch up by event reduce. */
const EVENT_REDUCE_WINDOW = 100;

let server: TestServer;
const devices: TestDevice[] = [];

beforeAll(async () => {
  server = await startTestServer();
  await server.store.transaction((tx) => tx.putRecords(demoContacts(SEEDED).map(recordWrite)));
});
afterAll(async () => {
  await Promise.all(devices.map((d) => d.close()));
  await server.close();
});

/** A first sync of a new device while `listen` watches the database; the bulks it wrote, held weakly. */
async function firstSyncWhile(
  storage: 'memory' | 'remote',
  listen: (db: OutpostDatabase) => Promise<{ indexed?(): number }>,
) {
  let listening!: () => void;
  const ready = new Promise<void>((resolve) => (listening = resolve));
  const d = await createTestDevice({
    serverUrl: server.url,
    collections: ['companies', 'contacts'],
    storage,
    // The first request waits until the index listens, as it does in an app that opened it.
    beforeRequest: () => ready,
  });
  devices.push(d);
  const bulks: WeakRef<RxChangeEventBulk<unknown>>[] = [];
  const events: WeakRef<object>[] = [];
  const counting = d.db.contacts.eventBulks$.subscribe((bulk) => {
    if (bulk.events.length) bulks.push(new WeakRef(bulk));
    for (const event of bulk.events) events.push(new WeakRef(event));
  });
  const index = await listen(d.db);
  listening();
  await d.engine.awaitInSync();
  expect(await d.db.contacts.count().exec()).toBe(SEEDED);
  const { indexed } = index;
  if (indexed) await expect.poll(() => indexed()).toBe(SEEDED);
  counting.unsubscribe();
  expect(bulks.length).toBeGreaterThan(0);
  return { bulks, events };
}

const alive = (bulks: WeakRef<object>[]) => bulks.filter((bulk) => bulk.deref() !== undefined);

it('keeps none of the change events of a first sync once the palette search has taken them', async () => {
  const { bulks } = await firstSyncWhile('remote', async (db) => {
    const search = new PaletteSearch(db);
    await search.prepare();
    return { indexed: () => search.indexed };
  });
  await collectGarbage();
  expect(alive(bulks)).toHaveLength(0);
});

it('keeps none of the change events of a first sync once the contacts list search has taken them', async () => {
  // On the memory storage: the test's remote protocol does not answer the worker's search rows.
  const { bulks } = await firstSyncWhile('memory', async (db) => {
    const index = searchIndexFor(db, 'contacts');
    index.prepare();
    await expect.poll(() => index.status).toBe('ready');
    return { indexed: () => index.search(parseSearchQuery('')).length };
  });
  await collectGarbage();
  expect(alive(bulks)).toHaveLength(0);
});

it('keeps none of the change events of a first sync while the recently opened records are watched', async () => {
  let watching: Subscription | undefined;
  const { bulks } = await firstSyncWhile('remote', async (db) => {
    const seen: RecentRecord[][] = [];
    watching = recentRecords$(db).subscribe((records) => seen.push(records));
    await expect.poll(() => seen).toEqual([[]]);
    return {};
  });
  await collectGarbage();
  expect(alive(bulks)).toHaveLength(0);
  watching?.unsubscribe();
});

it('keeps no more of the change events of a first sync than the last ones live queries may reduce', async () => {
  const { events } = await firstSyncWhile('remote', () => Promise.resolve({}));
  await collectGarbage();
  expect(alive(events).length).toBeLessThanOrEqual(EVENT_REDUCE_WINDOW);
});
