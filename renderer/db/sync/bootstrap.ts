import {
  createRevision,
  getChangedDocumentsSince,
  getComposedPrimaryKeyOfDocumentData,
  getHeightOfRevision,
  now,
  type RxCollection,
  type RxStorageInstance,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { CollectionName } from '@domain/collections';
import type { PullResponse, SyncCheckpoint, SyncDocument } from '@domain/sync-protocol';
import type { OutpostDatabase } from '../database';
import { bootstrapInserter } from './bootstrap-inserter';
import type { FirstSyncQueue } from './first-sync-queue';

/**
 * Initial-sync bootstrap (docs/adr/0010-initial-sync-bootstrap.md).
 *
 * A collection this device has never synced (no replication checkpoint) and that holds no document
 * at all (so nothing can be pending) is filled by pulling large pages and writing them with the
 * storage instance's bulk insert, a page per IndexedDB transaction, before its RxDB
 * replication starts. The replication then starts from the checkpoints the bootstrap reached, in
 * the state RxDB's own downstream would have left, minus the assumed-master meta documents:
 *
 * - every bootstrapped document carries RxDB's "written by this replication's downstream" marker
 *   (`_meta.o = { _rev: 1, hash }`, see rxdb replication-protocol/downstream.js), so a later pull of
 *   a newer server version overwrites it (and then writes the meta document) instead of taking it
 *   for an unpushed local edit;
 * - every bootstrapped document has `_meta.lwt` = one instant taken before the collection was found
 *   empty, and the upstream starts after (that instant, the greatest bootstrapped id): never pushed
 *   back, while every local write (lwt from RxDB's monotonic `now()`, later) is pushed;
 * - `_meta[BASE_HLC_META]` keeps the hlc of the pulled version. A document edited locally before the
 *   replication wrote its meta is pushed with `assumedMasterState: null`; the server answers with a
 *   conflict carrying its state, and the field merge uses this hlc as the base (a field whose clock
 *   is later than it is a local edit), so the user's edit is kept and nothing is logged as lost.
 */

/** Where a bootstrapped document keeps the hlc of the server version it was pulled at. */
export const BASE_HLC_META = 'outpostBaseHlc';
const BOOTSTRAP_CONTEXT = 'outpost-initial-sync-bootstrap';
/** The server's maximum page (docs/sync-protocol.md). */
export const BOOTSTRAP_PAGE_SIZE = 1000;
/**
 * A collection's first page is small: it is fetched and written in a fraction of a full page's
 * time, so a list open during a first sync shows rows sooner.
 */
export const BOOTSTRAP_FIRST_PAGE_SIZE = 100;
/** Pages fetched ahead of the writer at most (memory bound). */
const MAX_PAGES_AHEAD = 6;

export interface BootstrapResult {
  /** The pull checkpoint the bootstrap reached: the replication's `pull.initialCheckpoint`. */
  pullCheckpoint: SyncCheckpoint | null;
  /** The fork position after every bootstrapped document: the replication's `push.initialCheckpoint`. */
  pushCheckpoint: { id: string; lwt: number } | null;
  documents: number;
}

export interface BootstrapOptions {
  db: OutpostDatabase;
  collection: CollectionName;
  replication: RxReplicationState<unknown, SyncCheckpoint>;
  replicationIdentifier: string;
  /** One pull page; throws when offline or on an error (retried by the caller's loop). */
  pull(from: number, limit: number): Promise<PullResponse>;
  /** Called once the collection is found eligible, with the checkpoint its pulls start from (progress). */
  onStart?(from: number): void;
  /** Called after each page is stored (clocks, progress, status). */
  onPageStored?(page: PullResponse): void;
  /**
   * Where the pulls and writes queue behind other collections' (a few pulls and one write at a
   * time, the most wanted first); without it, the bootstrap pulls and writes as soon as it can.
   */
  queue?: Pick<FirstSyncQueue, 'fetch' | 'write' | 'discard'>;
  /** Waits before a retry after an error; resolves false when the engine stops. */
  retry(error: unknown): Promise<boolean>;
  stopped(): boolean;
}

type StoredDoc = Record<string, unknown> & {
  id: string;
  _deleted: boolean;
  _rev: string;
  _meta: Record<string, unknown> & { lwt: number };
  _attachments: Record<string, unknown>;
};

/** Progress of a bootstrap, kept after every write so that a restart resumes it. */
interface BootstrapProgress {
  lwt: number;
  maxId: string;
  /** The last pull checkpoint whose documents are stored. */
  seq: number;
  foreignWriteBefore: boolean;
}
const progressDoc = (collection: CollectionName) => `sync-bootstrap-${collection}`;

/** Whether the replication of `collection` has ever stored a checkpoint. */
async function hasReplicationCheckpoint(db: OutpostDatabase, replication: BootstrapOptions['replication']) {
  const metaInfo = await replication.metaInfoPromise;
  const meta = await db.storage.createStorageInstance({
    databaseName: db.name,
    collectionName: metaInfo.collectionName,
    databaseInstanceToken: db.token,
    multiInstance: false,
    options: {},
    schema: metaInfo.schema as never,
    devMode: false,
  });
  try {
    const ids = ['down', 'up'].map((itemId) =>
      getComposedPrimaryKeyOfDocumentData(metaInfo.schema as never, { itemId, isCheckpoint: '1' }),
    );
    return (await meta.findDocumentsById(ids, true)).length > 0;
  } finally {
    await meta.close();
  }
}

/**
 * Runs the bootstrap of one collection if it is eligible — its replication has never stored a
 * checkpoint, and it holds no document at all (not even a deleted one, so nothing can be pending)
 * or only what an interrupted bootstrap wrote (resumed) — and returns null otherwise (the
 * replication then starts as usual). Stops early (returning what it reached) when the engine stops.
 */
export async function bootstrapCollection(options: BootstrapOptions): Promise<BootstrapResult | null> {
  const { db, collection, replication } = options;
  const rxCollection = db[collection] as unknown as RxCollection;
  const wrapped = rxCollection.storageInstance as RxStorageInstance<StoredDoc, unknown, unknown> & {
    originalStorageInstance?: RxStorageInstance<StoredDoc, unknown, unknown>;
  };
  // The wrapper RxDB puts around a collection's storage replaces `_meta` and `_rev` of inserts;
  // the replication's own downstream writes through it too, and so loses its `_meta.o` marker on
  // inserts (it then relies on the meta document). Write to the storage instance beneath it.
  const storage = wrapped.originalStorageInstance ?? wrapped;
  const insert = bootstrapInserter(storage);

  // Taken before the emptiness check: every local write that check does not see gets a later lwt.
  let lwt = now();
  let foreignWriteBefore = false;
  const watch = storage.changeStream().subscribe((bulk) => {
    if (bulk.context === BOOTSTRAP_CONTEXT) return;
    for (const event of bulk.events) {
      const written = (event.documentData ?? event.previousDocumentData) as StoredDoc | undefined;
      if (!written || written._meta.lwt <= lwt) foreignWriteBefore = true;
    }
  });
  try {
    if (await hasReplicationCheckpoint(db, replication)) return null;
    const empty = (await getChangedDocumentsSince(wrapped as never, 1)).documents.length === 0;
    const saved = (await db.getLocal<BootstrapProgress>(progressDoc(collection)))?.toJSON().data;
    let from = 0;
    let maxId = '';
    if (!empty) {
      // Resume only an interrupted bootstrap, and only while the wall clock has not gone back
      // (every local write since must have a later lwt than the bootstrapped documents).
      if (!saved || saved.foreignWriteBefore || !(Date.now() > saved.lwt)) return null;
      ({ lwt, maxId, seq: from } = saved);
    }
    options.onStart?.(from);
    const start = from;
    /**
     * Progress is stored in order, one save after another, but the writer does not wait for it: a
     * local document's write queues in IndexedDB behind every other collection's page writes
     * (seconds during a first sync), and a resume from an older save only pulls a few pages again.
     */
    let progressStored: Promise<unknown> = Promise.resolve();
    const saveProgress = (seq: number) => {
      const progress: BootstrapProgress = { lwt, maxId, seq, foreignWriteBefore };
      progressStored = progressStored.then(() => db.upsertLocal<BootstrapProgress>(progressDoc(collection), progress));
      // Failures surface where the bootstrap ends (awaited there), not as unhandled meanwhile.
      progressStored.catch(() => undefined);
    };
    const hash = await db.hashFunction(`rxdbreplication${options.replicationIdentifier}`);
    const firstRevision = createRevision(hash);
    const written = new Set<string>();
    const resumed = from > 0;
    let documents = 0;
    let pullCheckpoint: SyncCheckpoint | null = from ? { seq: from } : null;

    const toStored = (doc: SyncDocument, previous?: StoredDoc): StoredDoc => ({
      ...(doc as unknown as Record<string, unknown>),
      id: doc.id,
      _deleted: !!doc._deleted,
      _attachments: {},
      _rev: previous ? createRevision(hash, previous as never) : firstRevision,
      _meta: {
        ...(previous?._meta ?? {}),
        lwt,
        o: { _rev: previous ? getHeightOfRevision(previous._rev) + 1 : 1, hash },
        [BASE_HLC_META]: doc.hlc,
      },
    });

    /** Untouched since a bootstrap wrote it: its marker is at its revision's height. */
    const untouched = (stored: StoredDoc) => {
      const marker = stored._meta.o as { _rev: number; hash: string } | undefined;
      return marker?.hash === hash && marker._rev === getHeightOfRevision(stored._rev);
    };

    /**
     * One IndexedDB transaction for the new documents. Repeats — a record changed on the server
     * while the bootstrap ran, a removal of one stored earlier, a resumed bootstrap's first pages —
     * update the stored copy only while no local edit touched it (an edited one is pushed and
     * merged with the server's state, as RxDB's downstream leaves it too).
     */
    const write = async (docs: SyncDocument[]) => {
      const inserts: StoredDoc[] = [];
      const repeats = new Map<string, SyncDocument>();
      // By id: a page names each record once, at its version when the page was read.
      const latest = new Map<string, SyncDocument>();
      for (const doc of docs) latest.set(doc.id, doc);
      for (const doc of latest.values()) {
        if (written.has(doc.id)) repeats.set(doc.id, doc);
        else if (!doc._deleted) inserts.push(toStored(doc));
        // A removal of a record this device does not have: nothing to remove.
        else if (resumed) repeats.set(doc.id, doc);
      }
      const updates: { previous: StoredDoc; document: StoredDoc }[] = [];
      if (inserts.length) {
        let existing: StoredDoc[];
        try {
          existing = await db.lockedRun(() => insert(inserts, BOOTSTRAP_CONTEXT));
        } catch (error) {
          throw new Error(`initial sync of ${collection}: ${String((error as Error)?.message ?? error)}`);
        }
        for (const stored of existing) {
          if (untouched(stored)) updates.push({ previous: stored, document: toStored(latest.get(stored.id)!, stored) });
        }
        for (const document of inserts) {
          written.add(document.id);
          if (document.id > maxId) maxId = document.id;
        }
        documents += inserts.length - existing.length;
      }
      if (repeats.size) {
        const current = await storage.findDocumentsById([...repeats.keys()], true);
        for (const stored of current) {
          if (untouched(stored))
            updates.push({ previous: stored, document: toStored(repeats.get(stored.id)!, stored) });
        }
      }
      if (updates.length) {
        const result = await db.lockedRun(() => storage.bulkWrite(updates as never, BOOTSTRAP_CONTEXT));
        // A 409 here is a local edit that came in between: it stands and is pushed.
        const failure = result.error.find((e) => e.status !== 409);
        if (failure) throw new Error(`initial sync of ${collection}: storage write failed (${failure.status})`);
      }
    };

    // Fetch ahead while the previous page is written; one page per IndexedDB transaction, so that a
    // list's read waits for one page's write at most (first-sync-queue.ts).
    const pages: PullResponse[] = [];
    let fetching = true;
    let fetchError: unknown = null;
    /** Wakes the writer (a page arrived) and the fetcher (room for more pages). */
    const signals: { wake: (() => void) | null; space: (() => void) | null } = { wake: null, space: null };
    const notify = () => {
      signals.wake?.();
      signals.wake = null;
    };
    const makeSpace = () => {
      signals.space?.();
      signals.space = null;
    };
    let aborted = false;
    const halted = () => aborted || options.stopped();
    const fetcher = (async () => {
      try {
        while (!halted()) {
          while (pages.length >= MAX_PAGES_AHEAD && !halted()) await new Promise<void>((r) => (signals.space = r));
          let page: PullResponse;
          const limit = from === start ? BOOTSTRAP_FIRST_PAGE_SIZE : BOOTSTRAP_PAGE_SIZE;
          try {
            const pullFrom = from;
            page = await (options.queue
              ? options.queue.fetch(collection, () => options.pull(pullFrom, limit))
              : options.pull(from, limit));
          } catch (error) {
            if (!(await options.retry(error))) break;
            continue;
          }
          pages.push(page);
          notify();
          from = page.checkpoint.seq;
          if (page.documents.length < limit) break;
        }
      } catch (error) {
        fetchError = error;
      } finally {
        fetching = false;
        notify();
      }
    })();

    try {
      while (!options.stopped()) {
        if (!pages.length) {
          if (!fetching) break;
          await new Promise<void>((r) => (signals.wake = r));
          continue;
        }
        const page = pages.shift()!;
        makeSpace();
        if (options.queue) await options.queue.write(collection, () => write(page.documents));
        else await write(page.documents);
        pullCheckpoint = page.checkpoint;
        saveProgress(pullCheckpoint.seq);
        options.onPageStored?.(page);
      }
    } finally {
      aborted = true;
      makeSpace();
      await fetcher;
      // Pulled and never to be written (stopped, or a write failed): the queue holds them no longer.
      for (let left = pages.splice(0).length; left > 0; left--) options.queue?.discard();
      await progressStored;
    }
    if (fetchError) throw fetchError;
    return {
      pullCheckpoint,
      // A local write the emptiness check missed has an lwt at or before ours: then the upstream
      // scans from the start (the bootstrapped documents go out as replays, which the server takes
      // as successes), never past that write.
      pushCheckpoint: maxId && !foreignWriteBefore ? { id: maxId, lwt } : null,
      documents,
    };
  } finally {
    watch.unsubscribe();
  }
}
