import type { HybridClock } from '@domain/hlc';
import type { EditContext } from '@domain/record-edits';
import type { OutpostDatabase } from './database';
import type { SyncJournal } from './sync/sync-journal';

/** Who is using this device now. Issue 4 replaces the local profile with a signed-in session. */
export interface SessionUser {
  id: string;
  teamId: string;
  name: string;
}

/** Everything a screen needs to read and write records: the store, the clock and the user. */
export interface Workspace {
  db: OutpostDatabase;
  clock: HybridClock;
  user: SessionUser;
  /** Tracks which local writes still have to reach the server. */
  journal: SyncJournal;
}

export function editContext(ws: Workspace): EditContext {
  return { userId: ws.user.id, hlc: ws.clock.now(), now: new Date().toISOString() };
}
