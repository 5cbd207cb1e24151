import type { SessionUser } from '@domain/auth-protocol';
import type { HybridClock } from '@domain/hlc';
import { openDatabase, type OutpostDatabase } from './database';
import { openDeviceClock } from './device-clock';
import { readPreferences, type DevicePreferences } from './device-preferences';
import { userDatabaseName } from './session';
import { openSyncJournal, type SyncJournal } from './sync/sync-journal';

export interface OpenedStore {
  db: OutpostDatabase;
  clock: HybridClock;
  journal: SyncJournal;
  prefs: DevicePreferences;
}

/** The signed-in user's own local database (never another user's), with its clock and sync journal. */
export async function openUserStore(user: Pick<SessionUser, 'id'>): Promise<OpenedStore> {
  const db = await openDatabase({ name: userDatabaseName(user.id), devMode: __OUTPOST_DEV__ });
  const [prefs, clock, journal] = await Promise.all([readPreferences(db), openDeviceClock(db), openSyncJournal(db)]);
  return { db, clock, journal, prefs };
}

/** Everything the store still holds in memory reaches IndexedDB, then the database closes. */
export async function closeUserStore(store: OpenedStore): Promise<void> {
  await store.journal.flush();
  await store.db.close();
}
