import type { SessionUser } from '@domain/auth-protocol';
import type { HybridClock } from '@domain/hlc';
import { openDatabase, type OutpostDatabase } from './database';
import { flushDeviceClock, openDeviceClock } from './device-clock';
import { readPreferences, type DevicePreferences } from './device-preferences';
import { userDatabaseName } from './session';
import { getRxStorageWorker } from './storage/worker-storage';
import { openSyncJournal, type SyncJournal } from './sync/sync-journal';

export interface OpenedStore {
  db: OutpostDatabase;
  clock: HybridClock;
  journal: SyncJournal;
  prefs: DevicePreferences;
}

/**
 * The signed-in user's own local database (never another user's), with its clock and sync journal.
 * Its storage runs in a worker of its own (ADR 0012), which stops when the database closes; a
 * worker that does not start rejects with a StorageWorkerError.
 */
export async function openUserStore(user: Pick<SessionUser, 'id'>): Promise<OpenedStore> {
  const db = await openDatabase({
    name: userDatabaseName(user.id),
    storage: getRxStorageWorker(),
    devMode: __OUTPOST_DEV__,
  });
  const [prefs, clock, journal] = await Promise.all([readPreferences(db), openDeviceClock(db), openSyncJournal(db)]);
  return { db, clock, journal, prefs };
}

/** Everything the store still holds in memory reaches IndexedDB, then the database closes. */
export async function closeUserStore(store: OpenedStore): Promise<void> {
  await Promise.all([store.journal.flush(), flushDeviceClock(store.clock)]);
  await store.db.close();
}
