import type { SessionUser } from '@domain/auth-protocol';
import type { HybridClock } from '@domain/hlc';
import type { EditContext } from '@domain/record-edits';
import type { OutpostDatabase } from './database';
import type { SyncJournal } from './sync/sync-journal';

/** Who is using this device now: the signed-in user of the session (renderer/auth). */
export type { SessionUser };

/** Everything a screen needs to read and write records: the store, the clock and the user. */
export interface Workspace {
  db: OutpostDatabase;
  clock: HybridClock;
  /** The signed-in user (id, name, email, role, team) as the session grant last described them. */
  user: SessionUser;
  /** Tracks which local writes still have to reach the server. */
  journal: SyncJournal;
}

export function editContext(ws: Workspace): EditContext {
  return { userId: ws.user.id, hlc: ws.clock.now(), now: new Date().toISOString() };
}
