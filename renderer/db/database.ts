import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type CollectionDocs, type CollectionName } from '@domain/collections';
import { migrationStrategiesFor } from '@domain/migrations';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { boundChangeEventWindow } from './change-event-window';
import { createConflictHandler, type ConflictResolver } from './sync/conflict-handler';
import { completeScopeResync, scopeResyncRequested } from './sync/scope-resync';

export type OutpostCollections = { [K in CollectionName]: RxCollection<CollectionDocs[K]> };
export type OutpostDatabase = RxDatabase<OutpostCollections>;

addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBLeaderElectionPlugin);

/** See `liveQueryUpdateThrottleTime` below: the smallest delay RxDB accepts (0 turns it off). */
export const LIVE_QUERY_UPDATE_DELAY_MS = 1;

const resolvers = new WeakMap<OutpostDatabase, { current: ConflictResolver | null }>();

/** The sync engine plugs its resolver in here; collections resolve conflicts through it. */
export function setConflictResolver(db: OutpostDatabase, resolver: ConflictResolver | null): void {
  resolvers.get(db)!.current = resolver;
}

export interface OpenDatabaseOptions {
  /** One database per workspace/user on this device. */
  name: string;
  /**
   * The app passes its storage worker (storage/worker-storage.ts, ADR 0012); the default, RxDB's
   * Dexie storage on this thread, is for tests (fake-indexeddb) and tools.
   */
  storage?: RxStorage<unknown, unknown>;
  /** Schema validation and deep-freeze: development builds only (slow). */
  devMode?: boolean;
  /** Several tabs share one database (browsers); false for single-process tests. */
  multiInstance?: boolean;
  /** Only these collections (tests that must stay within RxDB's per-process collection limit). */
  collections?: readonly CollectionName[];
}

/**
 * Open the device's local store: every collection from the domain schemas, plus local documents
 * for device-only state (preferences, clock, drafts) that never replicates.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OutpostDatabase> {
  let storage: RxStorage<unknown, unknown> = options.storage ?? (getRxStorageDexie() as RxStorage<unknown, unknown>);
  if (options.devMode) {
    const [{ RxDBDevModePlugin }, { wrappedValidateAjvStorage }] = await Promise.all([
      import('rxdb/plugins/dev-mode'),
      import('rxdb/plugins/validate-ajv'),
    ]);
    addRxPlugin(RxDBDevModePlugin);
    storage = wrappedValidateAjvStorage({ storage });
  }
  const db = (await createRxDatabase<OutpostCollections>({
    name: options.name,
    storage,
    multiInstance: options.multiInstance ?? true,
    eventReduce: true,
    localDocuments: true,
    closeDuplicates: true,
    // A live query re-evaluates (event reduce, new results) in a timer task after the change events
    // of a write, not in the task that delivers them: with the storage in a worker (ADR 0012) the
    // write's answer is already queued behind its change event, so it resolves first — a drop is
    // persisted ~1.5 ms sooner on a 5,000-deal board — and a burst of writes (a replication batch)
    // costs one re-evaluation per query. `exec()` still brings a query up to date at once.
    liveQueryUpdateThrottleTime: LIVE_QUERY_UPDATE_DELAY_MS,
  })) as OutpostDatabase;
  const slot = { current: null as ConflictResolver | null };
  resolvers.set(db, slot);
  const names = options.collections ?? COLLECTION_NAMES;
  const collectionsConfig = () =>
    Object.fromEntries(
      names.map((name) => [
        name,
        {
          schema: COLLECTION_SCHEMAS[name] as unknown as RxJsonSchema<CollectionDocs[typeof name]>,
          localDocuments: true,
          migrationStrategies: migrationStrategiesFor(name),
          conflictHandler: createConflictHandler(name, () => slot.current),
        },
      ]),
    );
  await db.addCollections(collectionsConfig() as never);
  // The user's sight changed (scope-resync.ts): start the replicated collections empty — with their
  // replication checkpoints — before anything reads them. Device-only state (preferences, drafts,
  // the rejected-changes list) lives in the database's local documents and stays.
  if (await scopeResyncRequested(db)) {
    for (const name of names) await db.collections[name].remove();
    await db.addCollections(collectionsConfig() as never);
    await completeScopeResync(db);
  }
  for (const name of names) boundChangeEventWindow(db.collections[name] as unknown as RxCollection);
  return db;
}
