import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { COLLECTION_NAMES, type CollectionName } from '@domain/collections';
import type { HybridClock } from '@domain/hlc';
import type { SyncCheckpoint } from '@domain/sync-protocol';
import { setConflictResolver, type OutpostDatabase } from '../database';
import { absorbClocks } from './absorb-clocks';
import { AcceptedVersions } from './accepted-versions';
import { bootstrapCollection } from './bootstrap';
import { BootstrapBases } from './bootstrap-bases';
import { FirstSyncQueue } from './first-sync-queue';
import { subscribeToChanges } from './change-stream';
import { noticeLostEdits } from './lost-edits-notice';
import { pullProgressReporter } from './pull-progress-reporter';
import { MAX_RETRY_MS, MIN_RETRY_MS } from './retry-delays';
import { pushHandler } from './push-handler';
import { OfflineError, type SyncHttp } from './sync-http';
import { SyncProgressTracker, type SyncProgress } from './sync-progress';
import type { SyncJournal } from './sync-journal';

export type SyncState = 'connecting' | 'online' | 'offline' | 'error' | 'stopped';

export interface SyncStatus {
  state: SyncState;
  /** Local changes not yet accepted by the server. */
  pending: number;
  lastSyncedAt: string | null;
  /** While a long pull (first sync, long absence) runs: how far it has come; null when caught up. */
  progress: SyncProgress | null;
  lastError: string | null;
}

export interface SyncEngineOptions {
  db: OutpostDatabase;
  http: SyncHttp;
  clock: HybridClock;
  journal: SyncJournal;
  collections?: readonly CollectionName[];
  /** fetch for the change stream (tests inject one that can go offline). */
  fetch?: typeof fetch;
  pullBatchSize?: number;
  pushBatchSize?: number;
  /** Only the leader tab replicates (browsers); tests run one instance per database. */
  waitForLeadership?: boolean;
  /** Listen to the server's change stream; tests may drive pulls by hand instead. */
  liveStream?: boolean;
  /**
   * Fill a never-synced, empty collection with large pages written in large transactions before
   * its replication starts (bootstrap.ts, docs/adr/0010-initial-sync-bootstrap.md). Default true.
   */
  bootstrap?: boolean;
  /**
   * The scope key of every pull (what the signed-in user may see, docs/security.md): the caller
   * compares it with the one this device synced under (scope-resync.ts).
   */
  onScopeKey?: (key: string) => void;
}

export interface SyncEngine {
  readonly status$: Observable<SyncStatus>;
  readonly status: SyncStatus;
  /** Pull everything new now (after the network comes back, or on the user's request). */
  resync(): void;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Resolves once every collection has nothing left to push or pull (tests, "sync now"). */
  awaitInSync(): Promise<void>;
  /**
   * Resolves once a pull of `collection` has reached the server's head at least once and what it
   * brought is stored on the device: from then on, a record missing locally is missing on the
   * server too (as far as this user may see).
   */
  caughtUp(collection: CollectionName): Promise<void>;
  /**
   * While a first sync still brings `collection`, writes its pages before other records' (a list or
   * the board showing it). Returns the release.
   */
  want(collection: CollectionName): () => void;
  stop(): Promise<void>;
}

/**
 * One RxDB replication per collection over our HTTP protocol, woken by the server's change
 * stream, resilient to days offline: checkpoints and unpushed changes live in IndexedDB, so an app
 * restart resumes where it stopped; errors back off exponentially; conflicts merge field by field.
 */
export function startSync(options: SyncEngineOptions): SyncEngine {
  const { db, http, clock, journal } = options;
  const collections = options.collections ?? COLLECTION_NAMES.filter((c) => c in db.collections);
  const pullBatchSize = options.pullBatchSize ?? 500;
  const pushBatchSize = options.pushBatchSize ?? 100;
  const rejected = new Set<string>();
  const bootstrapBases = new BootstrapBases();
  const firstSync = new FirstSyncQueue();
  let stopped = false;
  let onStop: () => void = () => undefined;
  const stopRequested = new Promise<void>((resolve) => (onStop = resolve));
  const pokes = new Subject<'RESYNC'>();
  const caughtUp = new Map<CollectionName, { promise: Promise<void>; resolve: () => void }>();
  const caughtUpEntry = (collection: CollectionName) => {
    let entry = caughtUp.get(collection);
    if (!entry) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      entry = { promise, resolve };
      caughtUp.set(collection, entry);
    }
    return entry;
  };
  const progress = new SyncProgressTracker();
  const status$ = new BehaviorSubject<SyncStatus>({
    state: 'connecting',
    pending: 0,
    lastSyncedAt: null,
    progress: null,
    lastError: null,
  });
  const update = (patch: Partial<SyncStatus>) => status$.next({ ...status$.value, ...patch });
  let retryMs = MIN_RETRY_MS;
  /** Offline (pause()): requests fail at once and are retried, the replications keep running. */
  let paused = false;

  setConflictResolver(db, {
    nextHlc: () => clock.now(),
    node: clock.node,
    isRejected: (collection, id, hlc) => rejected.has(`${collection}/${id}@${hlc}`),
    assumedHlc: (collection, id, hlc) => bootstrapBases.get(collection, id, hlc),
    editBase: (collection, id, field) => journal.editBase(collection, id, field),
    carriedBy: (collection, id) => journal.carriedBy(collection, id),
    onCarried: (collection, id, carried) => journal.noteCarried(collection, id, carried),
    onOverwrites: (entries) => void journal.recordOverwrites(entries),
    // Not noted as pending: RxDB drops the merged version when the record changed locally while the
    // push was out, and a pending clock that no stored version carries is never cleared ("1 change
    // waiting" forever). The local edit's own pending entry covers the merge until it is pushed:
    // the merge is stamped after that edit, so its acceptance clears the entry.
    onMerged: () => undefined,
    onSettled: (collection, id, hlc) => journal.notePushed(collection, id, hlc),
  });
  const pendingSub = journal.pendingCount$.subscribe((pending) => update({ pending }));

  const succeeded = () => {
    retryMs = MIN_RETRY_MS;
    for (const r of replications.values()) r.retryTime = retryMs;
    update({ state: paused ? 'offline' : 'online', lastSyncedAt: new Date().toISOString(), lastError: null });
  };

  const showProgress = () => update({ progress: progress.snapshot() });
  const { countFrom, reportPulled } = pullProgressReporter({
    http,
    progress,
    pullBatchSize,
    stopped: () => stopped,
    paused: () => paused,
    changed: showProgress,
  });

  const pullPage = async (collection: CollectionName, from: number, limit: number) => {
    if (paused) throw new OfflineError('sync is paused');
    const page = await http.pull(collection, from, limit);
    if (page.scopeKey) options.onScopeKey?.(page.scopeKey);
    absorbClocks(clock, page.documents);
    return page;
  };

  const reportError = (error: unknown) => {
    if (paused) return;
    const cause = error as { name?: string; message?: string };
    const offline = cause?.name === 'OfflineError';
    update({ state: offline ? 'offline' : 'error', lastError: offline ? null : String(cause?.message ?? cause) });
  };

  const replications = new Map<CollectionName, RxReplicationState<unknown, SyncCheckpoint>>();
  /** What the server accepted from this device: a pulled page older than it is stale. */
  const accepted = new AcceptedVersions();
  const pushOptions = {
    db,
    http,
    clock,
    journal,
    accepted,
    bootstrapBases,
    rejected,
    paused: () => paused,
    succeeded: () => succeeded(),
  };
  /** Collections whose bootstrap runs: their replication starts when it ends. */
  const bootstrapping = new Map<CollectionName, Promise<void>>();
  for (const collection of collections) {
    const replicationIdentifier = `outpost-${collection}-${http.baseUrl}`;
    const pull = {
      batchSize: pullBatchSize,
      stream$: pokes.asObservable(),
      initialCheckpoint: undefined as SyncCheckpoint | undefined,
      handler: async (checkpoint: SyncCheckpoint | undefined) => {
        const from = checkpoint?.seq ?? 0;
        const page = await pullPage(collection, from, pullBatchSize);
        const documents = accepted.fresh(collection, page.documents);
        await noticeLostEdits({ db, clock, journal }, collection, documents);
        reportPulled(collection, from, page);
        succeeded();
        return { documents: documents as never[], checkpoint: page.checkpoint };
      },
    };
    const replication = replicateRxCollection<unknown, SyncCheckpoint>({
      collection: db[collection] as never,
      replicationIdentifier,
      live: true,
      retryTime: MIN_RETRY_MS,
      waitForLeadership: options.waitForLeadership ?? true,
      // The app hides to the tray: a hidden window must keep syncing (docs/sync-pitfalls.md).
      toggleOnDocumentVisible: false,
      // Started below, after the collection's bootstrap (if any).
      autoStart: false,
      pull,
      push: {
        batchSize: pushBatchSize,
        handler: pushHandler(pushOptions, collection),
      },
    });
    replication.error$.subscribe((error) => {
      // RxDB hands errors on as plain objects (name and message kept), so match by name.
      const cause = ((error as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0] ?? error) as {
        name?: string;
        message?: string;
      };
      const offline = cause?.name === 'OfflineError';
      // Paused: retry soon and quietly, so that resume() is followed by a sync within a second.
      if (paused) {
        replication.retryTime = MIN_RETRY_MS;
        return;
      }
      // Back off this replication only. One outage (a server restart) fails the pull and the push
      // of every collection at once; doubling one shared delay per error turned a 0.3 s restart
      // into a 60 s stall of every device, which neither resume() nor a poke can cut short.
      replication.retryTime = Math.min((replication.retryTime ?? MIN_RETRY_MS) * 2, MAX_RETRY_MS);
      update({
        state: offline ? 'offline' : 'error',
        lastError: offline ? null : String(cause?.message ?? cause),
      });
    });
    replications.set(collection, replication as RxReplicationState<unknown, SyncCheckpoint>);
    // Not when a pull handler sees the last page: RxDB stores a page only after its handler
    // returns, so a record would still be missing here for a moment. The first sync is done once
    // the pulled pages are stored (and nothing waits to be pushed). A cancelled replication never
    // gets there, which is right: nothing is known of the server then.
    replication.awaitInitialReplication().then(
      () => caughtUpEntry(collection).resolve(),
      () => undefined,
    );
    const begin = async () => {
      if (options.bootstrap !== false) {
        if (options.waitForLeadership ?? true) await Promise.race([db.waitForLeadership(), stopRequested]);
        if (stopped) return;
        const result = await bootstrapCollection({
          db,
          collection,
          replication: replication as RxReplicationState<unknown, SyncCheckpoint>,
          replicationIdentifier,
          pull: (from, limit) => pullPage(collection, from, limit),
          queue: firstSync,
          onStart: (from) => void countFrom(collection, from),
          onPageStored: (page) => {
            bootstrapRetryMs = MIN_RETRY_MS;
            progress.received(collection, page.documents.length);
            showProgress();
            succeeded();
          },
          retry: async (error) => {
            // As the replications do: quietly and soon while paused, else backing off.
            reportError(error);
            const wait = paused ? MIN_RETRY_MS : bootstrapRetryMs;
            if (!paused) bootstrapRetryMs = Math.min(bootstrapRetryMs * 2, MAX_RETRY_MS);
            await new Promise((r) => setTimeout(r, wait));
            return !stopped;
          },
          stopped: () => stopped,
        });
        // Bootstrapped to the head, or not eligible: a long pull from here on is the replication's.
        progress.finish(collection);
        showProgress();
        if (result?.pullCheckpoint) pull.initialCheckpoint = result.pullCheckpoint;
        if (result?.pushCheckpoint) {
          (replication as unknown as { push: { initialCheckpoint?: unknown } }).push.initialCheckpoint =
            result.pushCheckpoint;
        }
      }
      if (!stopped) await replication.start();
    };
    let bootstrapRetryMs = MIN_RETRY_MS;
    // Shown from the start ("Preparing…"): the bootstrap decides soon whether the collection needs it.
    if (options.bootstrap !== false) progress.expect(collection);
    bootstrapping.set(
      collection,
      begin()
        .catch((error: unknown) => {
          // The bootstrap failed for good (storage): the replication runs as usual, which is exact.
          reportError(error);
          progress.finish(collection);
          showProgress();
          if (!stopped) return replication.start();
        })
        .finally(() => bootstrapping.delete(collection)),
    );
  }

  showProgress();

  const stopStream =
    options.liveStream === false
      ? () => undefined
      : subscribeToChanges({
          baseUrl: http.baseUrl,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          onEvent: () => pokes.next('RESYNC'),
          onConnectionChange: (connected) => {
            if (connected) update({ state: 'online' });
            else if (status$.value.state === 'online') update({ state: 'offline' });
          },
        });

  return {
    status$: status$.asObservable(),
    get status() {
      return status$.value;
    },
    resync: () => pokes.next('RESYNC'),
    async pause() {
      // Not RxDB's pause(): pausing while a push is out lets the upstream checkpoint move past the
      // pushed documents without recording the server's state of them (rxdb 17.6), after which
      // every server change to them is ignored as "local changes not pushed yet" and they are never
      // pushed again — a silent, permanent divergence. Failing requests are retried instead.
      paused = true;
      update({ state: 'offline' });
    },
    async resume() {
      paused = false;
      update({ state: 'connecting' });
      retryMs = MIN_RETRY_MS;
      for (const r of replications.values()) r.retryTime = retryMs;
      // A collection still bootstrapping starts its replication when the bootstrap ends.
      await Promise.all([...replications].filter(([c]) => !bootstrapping.has(c)).map(([, r]) => r.start()));
      pokes.next('RESYNC');
    },
    caughtUp: (collection) => caughtUpEntry(collection).promise,
    want: (collection) => firstSync.want(collection),
    async awaitInSync() {
      pokes.next('RESYNC');
      await Promise.all([...replications.values()].map((r) => r.awaitInSync()));
    },
    async stop() {
      stopped = true;
      onStop();
      await Promise.all(bootstrapping.values());
      stopStream();
      pendingSub.unsubscribe();
      await Promise.all([...replications.values()].map((r) => r.cancel()));
      await journal.flush();
      setConflictResolver(db, null);
      update({ state: 'stopped', progress: null });
    },
  };
}
