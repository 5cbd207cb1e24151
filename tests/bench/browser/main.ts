import Dexie from 'dexie';
import { COLLECTION_SCHEMAS } from '../../../domain/collections';
import { LOCAL_KEY_HEADER } from '../../../domain/auth-protocol';
import type { PullResponse } from '../../../domain/sync-protocol';
import { openDatabase } from '../../../renderer/db/database';
import { openDeviceClock } from '../../../renderer/db/device-clock';
import { getRxStorageWorker } from '../../../renderer/db/storage/worker-storage';
import { startSync } from '../../../renderer/db/sync/sync-engine';
import { createSyncHttp } from '../../../renderer/db/sync/sync-http';
import { openSyncJournal } from '../../../renderer/db/sync/sync-journal';
import type { AppRunOptions, BrowserRunOptions, BrowserRunResult, OutpostBench, RawRunOptions } from './protocol';
import { demoLoadRun } from './demo-load-run';
import { searchRun } from './search-run';

/**
 * The browser half of the initial-sync and list-search benchmarks. Loaded from the sync server itself (same origin
 * as the API, as in browser mode), driven by Playwright through `window.outpostBench`.
 */

const status = (text: string) => {
  document.getElementById('status')!.textContent = text;
};

/**
 * The page signs in as the single-user server's owner once, with the launch key its address carries
 * (`#k=…`, as `npm start` prints it), then sends the token with every sync request.
 */
const launchKey = new URLSearchParams(location.hash.slice(1)).get('k') ?? '';
let authorization: Promise<Record<string, string>> | null = null;
function ownerAuthorization(): Promise<Record<string, string>> {
  authorization ??= fetch('/auth/local-session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [LOCAL_KEY_HEADER]: launchKey },
    body: '{}',
  })
    .then((response) => response.json() as Promise<{ accessToken: string }>)
    .then(({ accessToken }) => ({ Authorization: `Bearer ${accessToken}` }));
  return authorization;
}

const signedInFetch: typeof fetch = async (input, init) =>
  fetch(input, {
    ...init,
    headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), ...(await ownerAuthorization()) },
  });

async function fetchPage(checkpoint: number, limit: number): Promise<PullResponse> {
  const response = await signedInFetch(`/sync/contacts/pull?checkpoint=${checkpoint}&limit=${limit}`);
  if (!response.ok) throw new Error(`pull answered ${response.status}`);
  return (await response.json()) as PullResponse;
}

/**
 * The floor: the same pull pages fetched raw and each written with one Dexie bulkPut into a plain
 * table (primary key only). The next page is fetched while the previous one is written, as RxDB's
 * replication also does.
 */
async function raw(options: RawRunOptions): Promise<BrowserRunResult> {
  const limit = options.limit ?? 500;
  const indexes = options.indexes ?? 'none';
  const pagesPerWrite = options.pagesPerWrite ?? 1;
  const opened = performance.now();
  const db = new Dexie(options.name);
  db.version(1).stores({ docs: TABLE_INDEXES[indexes] });
  await db.open();
  const table = db.table('docs');
  const started = performance.now();
  const openMs = started - opened;
  let checkpoint = 0;
  let docs = 0;
  let pages = 0;
  let firstPageMs = NaN;
  let fetchMs = 0;
  let writeMs = 0;
  let writing: Promise<void> = Promise.resolve();
  let pending: object[] = [];
  let pendingPages = 0;
  for (;;) {
    const fetchStarted = performance.now();
    const page = await fetchPage(checkpoint, limit);
    fetchMs += performance.now() - fetchStarted;
    checkpoint = page.checkpoint.seq;
    const last = page.documents.length < limit;
    pending.push(...(indexes === 'none' ? page.documents : page.documents.map(rxdbLike)));
    pendingPages++;
    if (pending.length && (pendingPages >= pagesPerWrite || last)) {
      const batch = pending;
      pending = [];
      pendingPages = 0;
      await writing;
      pages++;
      writing = (async () => {
        const writeStarted = performance.now();
        await table.bulkPut(batch);
        writeMs += performance.now() - writeStarted;
        docs += batch.length;
        if (Number.isNaN(firstPageMs)) firstPageMs = performance.now() - started;
        status(`raw: ${docs}`);
      })();
    }
    if (last) break;
  }
  await writing;
  const totalMs = performance.now() - started;
  const stored = await table.count();
  db.close();
  if (stored !== options.expected) throw new Error(`raw: ${stored} documents stored, expected ${options.expected}`);
  return { docs, totalMs, firstPageMs, openMs, pages, fetchMs, writeMs };
}

/** RxDB's internal indexes of a Dexie table (getDexieStoreSchema), then the contacts schema's. */
const RXDB_INTERNAL_INDEXES = ['id', '[_deleted+id]', '[_meta.lwt+id]', '_meta.lwt'];
/** The contacts schema's own indexes, as RxDB's Dexie storage declares them (prefixed, id last). */
const SCHEMA_INDEXES = COLLECTION_SCHEMAS.contacts.indexes.map(
  (index) => `[_deleted+${(Array.isArray(index) ? index : [index]).join('+')}+id]`,
);

const TABLE_INDEXES = {
  none: 'id',
  internal: RXDB_INTERNAL_INDEXES.join(','),
  all: [...RXDB_INTERNAL_INDEXES, ...SCHEMA_INDEXES].join(','),
};

function rxdbLike(doc: { _deleted: boolean }): Record<string, unknown> {
  return { ...doc, _deleted: doc._deleted ? '1' : '0', _meta: { lwt: Date.now() }, _rev: '1-bench', _attachments: {} };
}

/**
 * The app: openDatabase with the app's storage (RxDB's Dexie storage in a worker, ADR 0012) and
 * production options (no dev-mode, multi-instance), and the sync engine for the contacts
 * collection, with the production pull batch size, until in sync.
 */
async function app(options: AppRunOptions): Promise<BrowserRunResult> {
  const opened = performance.now();
  const db = await openDatabase({
    name: options.name,
    storage: getRxStorageWorker(),
    ...(options.multiInstance === undefined ? {} : { multiInstance: options.multiInstance }),
  });
  const clock = await openDeviceClock(db);
  const journal = await openSyncJournal(db);
  let started = performance.now();
  const openMs = started - opened;
  let docs = 0;
  let pages = 0;
  let firstPageMs = NaN;
  const subscription = db.contacts.eventBulks$.subscribe((bulk) => {
    pages++;
    docs += bulk.events.length;
    if (Number.isNaN(firstPageMs)) firstPageMs = performance.now() - started;
    status(`app: ${docs}`);
  });
  started = performance.now();
  // Records the page size the engine asks for, so the Node side can check the baseline used the same.
  let pulls = 0;
  let pushes = 0;
  let pullLimit = 0;
  const recordingFetch: typeof fetch = (input, init) => {
    const url = new URL(String(input), location.origin);
    // The largest page asked for: the bootstrap's (bootstrap.ts), which carries the bulk of the data.
    if (url.pathname.endsWith('/pull')) pulls++;
    if (url.pathname.endsWith('/push')) pushes++;
    if (url.pathname.endsWith('/pull')) pullLimit = Math.max(pullLimit, Number(url.searchParams.get('limit')));
    return signedInFetch(input, init);
  };
  const engine = startSync({
    db,
    http: createSyncHttp({ baseUrl: location.origin, fetch: recordingFetch }),
    fetch: signedInFetch,
    clock,
    journal,
    collections: ['contacts'],
    ...(options.limit ? { pullBatchSize: options.limit } : {}),
    ...(options.bootstrap === false ? { bootstrap: false } : {}),
  });
  // SyncStatus.progress must keep moving during the initial sync (the app shows it).
  const progressValues = new Set<number>();
  const progressSub = engine.status$.subscribe((s) => {
    if (s.progress !== null) progressValues.add(Math.round(s.progress.fraction * 100));
  });
  await engine.awaitInSync();
  const totalMs = performance.now() - started;
  subscription.unsubscribe();
  await engine.stop();
  const stored = await db.contacts.count().exec();
  await db.close();
  if (stored !== options.expected) throw new Error(`app: ${stored} documents stored, expected ${options.expected}`);
  const progressSeen = progressValues.size;
  progressSub.unsubscribe();
  return { docs, totalMs, firstPageMs, openMs, pages, extra: { pullLimit, pulls, pushes, progressSeen } };
}

/**
 * Diagnosis: RxDB's own bulk insert of the same documents (no replication), one call per page,
 * through the app's storage.
 */
async function rxdbBulkInsert(options: BrowserRunOptions): Promise<BrowserRunResult> {
  const limit = options.limit ?? 500;
  const opened = performance.now();
  const db = await openDatabase({ name: options.name, storage: getRxStorageWorker() });
  const started = performance.now();
  const openMs = started - opened;
  let checkpoint = 0;
  let docs = 0;
  let pages = 0;
  let firstPageMs = NaN;
  let fetchMs = 0;
  let writeMs = 0;
  for (;;) {
    const fetchStarted = performance.now();
    const page = await fetchPage(checkpoint, limit);
    fetchMs += performance.now() - fetchStarted;
    if (page.documents.length) {
      const writeStarted = performance.now();
      const result = await db.contacts.bulkInsert(page.documents.map(({ _deleted: _, ...doc }) => doc) as never[]);
      writeMs += performance.now() - writeStarted;
      if (result.error.length) throw new Error(`bulkInsert: ${result.error.length} errors`);
      docs += page.documents.length;
      pages++;
      if (Number.isNaN(firstPageMs)) firstPageMs = performance.now() - started;
      status(`rxdb: ${docs}`);
    }
    checkpoint = page.checkpoint.seq;
    if (page.documents.length < limit) break;
  }
  const totalMs = performance.now() - started;
  await db.close();
  return { docs, totalMs, firstPageMs, openMs, pages, fetchMs, writeMs };
}

window.outpostBench = {
  raw,
  app,
  rxdbBulkInsert,
  search: (options) => searchRun(options, fetchPage, status),
  demoLoad: (options) => demoLoadRun(options, status),
} satisfies OutpostBench;
status('ready');
