import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { CollectionName } from '@domain/collections';
import { uuidv7 } from '@domain/ids';
import type { Role } from '@domain/schemas/user-profile';
import { openDatabase } from '../../../renderer/db/database';
import { flushDeviceClock, openDeviceClock } from '../../../renderer/db/device-clock';
import { openSyncJournal } from '../../../renderer/db/sync/sync-journal';
import type { Workspace } from '../../../renderer/db/workspace';

/**
 * The signed-in user's workspace as the app opens it (database, clock, journal), on RxDB's memory
 * storage: the components under test read and write it as they do IndexedDB in the browser.
 * Only `collections` are created (local documents always are); `close` ends it. The user is the
 * workspace's Sales Manager unless another `role` is given.
 */
export async function openTestWorkspace(
  collections: readonly CollectionName[] = [],
  role: Role = 'SALES_MANAGER',
): Promise<Workspace & { close(): Promise<void> }> {
  const db = await openDatabase({
    name: `renderer-test-${uuidv7()}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
    collections,
  });
  const [clock, journal] = await Promise.all([openDeviceClock(db), openSyncJournal(db)]);
  const user = {
    id: uuidv7(),
    name: 'Ana Ruiz',
    email: 'ana@example.com',
    role,
    teamId: uuidv7(),
  };
  return {
    db,
    clock,
    journal,
    user,
    async close() {
      await Promise.all([journal.flush(), flushDeviceClock(clock)]);
      await db.close();
    },
  };
}
