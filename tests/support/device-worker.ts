/**
 * Entry of a simulated-device worker thread (started by device-worker-host.ts through tsx): one
 * createTestDevice() — real RxDB memory storage, the app's sync engine and journal, a network
 * switch — driven by messages from the test. Each worker is its own JavaScript realm, so each
 * has its own budget of 13 RxDB collections.
 */
import { parentPort } from 'node:worker_threads';
import { SYNC_LOCAL_DOCS, type ConflictEntry, type RejectedChange } from '../../renderer/db/sync/sync-journal';
import { DEVICE_COLLECTIONS, applyDeviceOp, ensurePipeline } from './device-ops';
import type {
  DeviceSnapshot,
  DeviceWorkerApi,
  LocalWrite,
  DeviceWorkerRequest,
  DeviceWorkerResponse,
} from './device-worker-protocol';
import { createTestDevice, type TestDevice } from './sync-device';

const port = parentPort;
if (!port) throw new Error('device-worker.ts runs inside a worker thread');

let device: TestDevice | null = null;
const workerErrors: string[] = [];
let writes: (LocalWrite & { collection: string; id: string })[] = [];

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));
process.on('unhandledRejection', (reason) => workerErrors.push(`unhandled rejection: ${describe(reason)}`));
process.on('uncaughtException', (error) => workerErrors.push(`uncaught exception: ${describe(error)}`));

// Every push and pull of this device goes into the record histories too (for failure traces).
const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (input, init) => {
  const match = /\/sync\/(\w+)\/(push|pull)/.exec(String(input));
  if (!match || !device) return realFetch(input, init);
  const [, collection = '', kind] = match;
  const note = (id: string, context: string, hlc: unknown) =>
    writes.push({ at: Date.now(), collection, id, context, doc: { hlc } });
  type Doc = { id: string; hlc: string };
  if (kind === 'push') {
    const rows = (JSON.parse(String(init?.body ?? '{}')) as { rows?: { newDocumentState: Doc }[] }).rows ?? [];
    for (const r of rows) note(r.newDocumentState.id, 'http.push sent', r.newDocumentState.hlc);
    const response = await realFetch(input, init);
    const answer = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { conflicts?: Doc[]; rejected?: { id: string }[] };
    const conflicts = new Map((answer.conflicts ?? []).map((d) => [d.id, d.hlc]));
    const rejected = new Set((answer.rejected ?? []).map((r) => r.id));
    for (const r of rows) {
      const id = r.newDocumentState.id;
      const outcome = !response.ok
        ? `http.push ${response.status}`
        : conflicts.has(id)
          ? 'http.push conflict'
          : rejected.has(id)
            ? 'http.push rejected'
            : 'http.push accepted';
      note(id, outcome, conflicts.get(id) ?? r.newDocumentState.hlc);
    }
    return response;
  }
  const response = await realFetch(input, init);
  const page = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { documents?: Doc[]; checkpoint?: { seq: number } };
  for (const d of page.documents ?? []) note(d.id, `http.pull → cp ${page.checkpoint?.seq}`, d.hlc);
  return response;
};

const open = () => {
  if (!device) throw new Error('no device is open in this worker');
  return device;
};

const api: {
  [M in keyof DeviceWorkerApi]: (...args: Parameters<DeviceWorkerApi[M]>) => Promise<ReturnType<DeviceWorkerApi[M]>>;
} = {
  async open({ serverUrl, name, userId, clockSkewMs }) {
    if (device) throw new Error('a device is already open in this worker');
    workerErrors.length = 0;
    device = await createTestDevice({
      serverUrl,
      name,
      userId,
      collections: DEVICE_COLLECTIONS,
      ...(clockSkewMs ? { clockSkewMs } : {}),
    });
    writes = [];
    // The journal's bookkeeping of unacknowledged writes goes into the same history (for traces).
    const journal = device.journal;
    for (const method of ['notePendingWrite', 'notePushed'] as const) {
      const original = journal[method].bind(journal);
      journal[method] = (collection, id, hlc) => {
        writes.push({ at: Date.now(), collection, id, context: `journal.${method}`, doc: { hlc } });
        original(collection, id, hlc);
      };
    }
    device.db.eventBulks$.subscribe((bulk) => {
      for (const event of bulk.events) {
        const doc = event.documentData as unknown as Record<string, unknown>;
        writes.push({
          at: Date.now(),
          collection: bulk.collectionName ?? '',
          id: event.documentId,
          context: bulk.context ?? '',
          doc,
        });
      }
    });
    return { clockNode: device.clock.node };
  },
  async ensurePipeline() {
    return ensurePipeline(open().ws);
  },
  async apply(op) {
    return applyDeviceOp(open().ws, op);
  },
  async setOnline(online) {
    await open().setOnline(online);
  },
  async awaitInSync(timeoutMs) {
    const d = open();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      const inSync = await Promise.race([d.engine.awaitInSync().then(() => true as const), timedOut]);
      return { inSync, status: d.engine.status };
    } finally {
      clearTimeout(timer);
    }
  },
  async status() {
    return open().engine.status;
  },
  async snapshot(): Promise<DeviceSnapshot> {
    const d = open();
    await d.journal.flush();
    const records = {} as DeviceSnapshot['records'];
    for (const collection of DEVICE_COLLECTIONS) {
      const docs = await d.db[collection].find().exec();
      records[collection] = docs.map((doc) => doc.toJSON() as unknown as Record<string, unknown>);
    }
    const items = async <T>(docId: string) =>
      [...((await d.db.getLocal<{ items: T[] }>(docId))?.toJSON().data.items ?? [])] as T[];
    const pending = await d.db.getLocal<{ entries: Record<string, string> }>('sync-pending');
    return {
      records,
      conflicts: await items<ConflictEntry>(SYNC_LOCAL_DOCS.conflicts),
      rejections: await items<RejectedChange>(SYNC_LOCAL_DOCS.rejections),
      status: d.engine.status,
      pendingEntries: pending?.toJSON().data.entries ?? {},
      workerErrors: [...workerErrors],
    };
  },
  async history(collection, id) {
    return writes
      .filter((w) => w.collection === collection && w.id === id)
      .map(({ at, context, doc }) => ({ at, context, doc }));
  },
  async close() {
    const d = device;
    device = null;
    if (d) await d.close();
  },
};

// One call at a time, in arrival order: a device's actions, network switches and checks stay in
// the order the test sent them, while replication keeps running in the background.
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: DeviceWorkerRequest) => {
  queue = queue.then(async () => {
    let response: DeviceWorkerResponse;
    try {
      const handler = api[request.method] as (...args: unknown[]) => Promise<unknown>;
      response = { id: request.id, ok: true, result: await handler(...request.args) };
    } catch (error) {
      response = { id: request.id, ok: false, error: describe(error) };
    }
    port.postMessage(response);
  });
});
