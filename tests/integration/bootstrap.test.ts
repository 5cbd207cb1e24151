import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../domain/collections';
import type { Contact } from '../../domain/schemas/contact';
import { insertRecord, updateRecord } from '../../renderer/db/record-writes';
import { BASE_HLC_META } from '../../renderer/db/sync/bootstrap';
import { startSync } from '../../renderer/db/sync/sync-engine';
import { createSyncHttp } from '../../renderer/db/sync/sync-http';
import { SYNC_LOCAL_DOCS, type ConflictEntry, type RejectedChange } from '../../renderer/db/sync/sync-journal';
import { demoContacts, recordWrite } from '../bench/support/demo-contacts';
import { ownerAuthorization } from '../support/protocol-client';
import { contactBody } from '../support/record-bodies';
import { createTestDevice, type TestDevice } from '../support/sync-device';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The initial-sync bootstrap (renderer/db/sync/bootstrap.ts, docs/adr/0010): a device that fills
 * an empty collection from large pages without RxDB's per-document replication meta must keep
 * every guarantee of the replication — later local edits reach the server and merge field by field
 * with the server's changes, nothing is logged as lost that was not, nothing is pushed back.
 * It reaches into RxDB's storage (the instance beneath the collection's wrapper, the replication's
 * meta instance), so it runs twice: on the memory storage, and on the same storage behind RxDB's
 * remote-storage protocol — what the app's storage worker is to the page (ADR 0012).
 */
const COLLECTIONS: CollectionName[] = ['contacts'];
/** More than two bootstrap pages (100 first, then 1,000 each), so that pages are written one after another. */
const SEEDED = 2_300;

let server: TestServer;
let seeded: Contact[];
const devices: TestDevice[] = [];

let storage: 'memory' | 'remote' | 'worker' = 'memory';
/**
 * How long a slowed pull waits: longer than a page's write, so that a test sees the bootstrap
 * between two pages. IndexedDB in Node (fake-indexeddb) writes a page of 1,000 in seconds.
 */
const slowPullMs = () => (storage === 'worker' ? 4_000 : 150);

async function device(name: string, options: Partial<Parameters<typeof createTestDevice>[0]> = {}) {
  const d = await createTestDevice({ serverUrl: server.url, collections: COLLECTIONS, name, storage, ...options });
  devices.push(d);
  return d;
}

async function inSync(...all: TestDevice[]) {
  // Twice: a merge resolved on one device is pushed, then pulled by the others.
  for (let round = 0; round < 2; round++) for (const d of all) await d.engine.awaitInSync();
}

async function journalOf(d: TestDevice) {
  const conflicts = (await d.db.getLocal<{ items: ConflictEntry[] }>(SYNC_LOCAL_DOCS.conflicts))?.toJSON().data.items;
  const rejections = (await d.db.getLocal<{ items: RejectedChange[] }>(SYNC_LOCAL_DOCS.rejections))?.toJSON().data
    .items;
  return { conflicts: conflicts ?? [], rejections: rejections ?? [] };
}

async function contactOn(d: TestDevice, id: string) {
  return (await d.db.contacts.findOne(id).exec())?.toJSON() as Contact | undefined;
}

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

describe.each([
  ['memory storage', 'memory'],
  ['the storage worker’s remote protocol', 'remote'],
  ['the storage worker’s own storage (Dexie, its bootstrap insert)', 'worker'],
] as const)('initial-sync bootstrap on %s', (_, kind) => {
  beforeAll(() => {
    storage = kind;
  });

  it('bootstraps, edits offline, syncs: nothing lost, nothing pushed back, no spurious conflict entries', async () => {
    const [x, y, z] = [seeded[10]!, seeded[1_500]!, seeded[2_200]!];
    const alpha = await device('alpha');
    await alpha.engine.awaitInSync();
    // The phone gets a clock before bravo's bootstrap, so that a merge which took every field with
    // a clock for an unsynced edit of bravo's would log alpha's later phone as overwriting it.
    await updateRecord(alpha.ws, 'contacts', x.id, { phone: '+1 (512) 555-0001' });
    await inSync(alpha);

    const bravoPushes: string[] = [];
    const bravo = await device('bravo', {
      beforeRequest: (url) => {
        if (url.includes('/push')) bravoPushes.push(url);
      },
    });
    await bravo.engine.awaitInSync();
    expect(await bravo.db.contacts.count().exec()).toBe(await alpha.db.contacts.count().exec());
    // Bootstrapped (not replicated document by document): the pulled version's hlc is kept.
    const [stored] = (await bravo.db.contacts.storageInstance.findDocumentsById([x.id], false)) as unknown as {
      hlc: string;
      _meta: Record<string, unknown>;
    }[];
    expect(stored!._meta[BASE_HLC_META]).toBe(stored!.hlc);
    expect(bravoPushes).toEqual([]);
    // A server change of an untouched bootstrapped record is pulled over it (RxDB's downstream
    // recognises the bootstrap's write as its own), not taken for an unpushed local edit.
    await updateRecord(alpha.ws, 'contacts', y.id, { mobile: '+1 (512) 555-0003' });
    await inSync(alpha, bravo);
    expect(await contactOn(bravo, y.id)).toMatchObject({ mobile: '+1 (512) 555-0003' });
    expect(bravoPushes).toEqual([]);

    await bravo.setOnline(false);
    await updateRecord(bravo.ws, 'contacts', x.id, { title: 'Bravo’s title' });
    await updateRecord(bravo.ws, 'contacts', z.id, { notes: 'Bravo’s note' });
    await updateRecord(alpha.ws, 'contacts', x.id, { phone: '+1 (512) 555-0002' });
    await updateRecord(alpha.ws, 'contacts', y.id, { title: 'Alpha’s title' });
    await inSync(alpha);
    await bravo.setOnline(true);
    await inSync(bravo, alpha, bravo);

    const stored2 = await server.store.getRecords('contacts', [x.id, y.id, z.id]);
    for (const copy of [
      (id: string) => contactOn(alpha, id),
      (id: string) => contactOn(bravo, id),
      async (id: string) => stored2.get(id)?.body as Contact | undefined,
    ]) {
      expect(await copy(x.id)).toMatchObject({ title: 'Bravo’s title', phone: '+1 (512) 555-0002' });
      expect(await copy(y.id)).toMatchObject({ title: 'Alpha’s title' });
      expect(await copy(z.id)).toMatchObject({ notes: 'Bravo’s note' });
    }
    expect((await contactOn(alpha, x.id))?.hlc).toBe((await contactOn(bravo, x.id))?.hlc);
    for (const d of [alpha, bravo]) {
      expect(await journalOf(d)).toEqual({ conflicts: [], rejections: [] });
      expect(d.engine.status.pending).toBe(0);
    }
    // Only the two edited records went out (the first push of x is answered with a conflict, the
    // merge is pushed again): none of the 2,300 bootstrapped ones.
    expect(bravoPushes.length).toBeLessThanOrEqual(3);
  });

  it('keeps a local edit and a local record made while the bootstrap runs', async () => {
    const slowPulls = { on: true };
    const charlie = await device('charlie', {
      beforeRequest: async (url) => {
        if (slowPulls.on && url.includes('/pull')) await new Promise((r) => setTimeout(r, slowPullMs()));
      },
    });
    // Wait for the first bootstrapped page, then edit one of its records and create one.
    let first: Contact | undefined;
    for (let i = 0; i < 1_500 && !first; i++) {
      first = (await charlie.db.contacts.findOne().exec())?.toJSON() as Contact | undefined;
      if (!first) await new Promise((r) => setTimeout(r, 20));
    }
    expect(first).toBeDefined();
    expect(await charlie.db.contacts.count().exec()).toBeLessThan(SEEDED);
    await updateRecord(charlie.ws, 'contacts', first!.id, { title: 'Edited during the bootstrap' });
    const created = await insertRecord(
      charlie.ws,
      'contacts',
      contactBody({ firstName: 'Created', lastName: 'Meanwhile' }),
    );
    slowPulls.on = false;
    await inSync(charlie);

    const onServer = await server.store.getRecords('contacts', [first!.id, created.id]);
    expect(onServer.get(first!.id)?.body).toMatchObject({ title: 'Edited during the bootstrap' });
    expect(onServer.get(created.id)?.body).toMatchObject({ firstName: 'Created' });
    // Everything else arrived too: a device that bootstraps afterwards holds the same records.
    const delta = await device('delta');
    await delta.engine.awaitInSync();
    expect(await charlie.db.contacts.count().exec()).toBe(await delta.db.contacts.count().exec());
    expect(await journalOf(charlie)).toEqual({ conflicts: [], rejections: [] });
    expect(charlie.engine.status.pending).toBe(0);
  });

  it('resumes an interrupted bootstrap where it stopped, pushing nothing back', async () => {
    const slowPulls = { on: true };
    const echo = await device('echo', {
      beforeRequest: async (url) => {
        if (slowPulls.on && url.includes('/pull')) await new Promise((r) => setTimeout(r, slowPullMs()));
      },
    });
    // Stop the engine (the app closes) once the first pages are stored.
    for (let i = 0; i < 1_500 && (await echo.db.contacts.count().exec()) === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await echo.engine.stop();
    const storedBefore = await echo.db.contacts.count().exec();
    expect(storedBefore).toBeGreaterThan(0);
    expect(storedBefore).toBeLessThan(SEEDED);

    // The app starts again on the same database.
    const requests: string[] = [];
    const signedIn: typeof fetch = async (input, init) => {
      requests.push(String(input));
      return fetch(input, {
        ...init,
        headers: {
          ...Object.fromEntries(new Headers(init?.headers).entries()),
          ...(await ownerAuthorization(server.url)),
        },
      });
    };
    const engine = startSync({
      db: echo.db,
      http: createSyncHttp({ baseUrl: server.url, fetch: signedIn, timeoutMs: 10_000 }),
      clock: echo.clock,
      journal: echo.journal,
      fetch: signedIn,
      waitForLeadership: false,
    });
    await engine.awaitInSync();
    const pulls = requests.filter((u) => u.includes('/pull'));
    expect(new URL(pulls[0]!).searchParams.get('checkpoint')).not.toBe('0');
    expect(requests.filter((u) => u.includes('/push'))).toEqual([]);
    const fresh = await device('foxtrot');
    await fresh.engine.awaitInSync();
    expect(await echo.db.contacts.count().exec()).toBe(await fresh.db.contacts.count().exec());
    await engine.stop();
  });
});

describe('initial-sync bootstrap and its stored progress', () => {
  beforeAll(() => {
    storage = 'memory';
  });

  it('writes the next pages while the progress of the last one is still being stored', async () => {
    // A device whose first bootstrap is stopped before it stores anything: its collection stays
    // empty and never synced, so the next start bootstraps it again.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const golf = await device('golf', { beforeRequest: (url) => (url.includes('/pull') ? gate : undefined) });
    const stopping = golf.engine.stop();
    release();
    await stopping;
    expect(await golf.db.contacts.count().exec()).toBe(0);

    // Storing the progress (a local document) hangs, as it can behind other collections' writes.
    const progressSaves: string[] = [];
    let finishSaves!: () => void;
    const savesHeld = new Promise<void>((r) => (finishSaves = r));
    const upsertLocal = golf.db.upsertLocal.bind(golf.db);
    const heldUpsert = async (id: string, data: Record<string, unknown>) => {
      if (id.startsWith('sync-bootstrap-')) {
        progressSaves.push(id);
        await savesHeld;
      }
      return upsertLocal(id, data);
    };
    golf.db.upsertLocal = heldUpsert as unknown as typeof golf.db.upsertLocal;

    const signedIn: typeof fetch = async (input, init) =>
      fetch(input, {
        ...init,
        headers: {
          ...Object.fromEntries(new Headers(init?.headers).entries()),
          ...(await ownerAuthorization(server.url)),
        },
      });
    const engine = startSync({
      db: golf.db,
      http: createSyncHttp({ baseUrl: server.url, fetch: signedIn, timeoutMs: 10_000 }),
      clock: golf.clock,
      journal: golf.journal,
      fetch: signedIn,
      waitForLeadership: false,
      liveStream: false,
    });
    try {
      let stored = 0;
      for (let i = 0; i < 500 && stored < SEEDED; i++) {
        stored = await golf.db.contacts.count().exec();
        if (stored < SEEDED) await new Promise((r) => setTimeout(r, 20));
      }
      // Every page is stored while not one save of the progress has finished.
      expect(stored).toBeGreaterThanOrEqual(SEEDED);
      expect(progressSaves.length).toBeGreaterThan(0);
    } finally {
      finishSaves();
    }
    await engine.awaitInSync();
    const fresh = await device('hotel');
    await fresh.engine.awaitInSync();
    expect(await golf.db.contacts.count().exec()).toBe(await fresh.db.contacts.count().exec());
    await engine.stop();
  });
});
