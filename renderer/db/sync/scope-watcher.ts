import { filter, firstValueFrom, timeout } from 'rxjs';
import type { OutpostDatabase } from '../database';
import { checkScopeKey, requestScopeResync } from './scope-resync';
import type { SyncJournal } from './sync-journal';

/** How long a scope change waits for the device's unsynced changes to reach the server. */
const PUSH_FIRST_TIMEOUT_MS = 120_000;

/**
 * Watches the scope key of every pull. When the user's sight changed, it first lets the device
 * push what its user typed (accepted, or rejected with a reason that stays in the rejected-changes
 * list), then marks the database for a fresh pull and calls `restart` (the app reloads its data).
 * While changes are still waiting — offline, a server that keeps refusing — nothing is dropped:
 * the next pull tries again.
 */
export function createScopeWatcher(
  db: OutpostDatabase,
  journal: SyncJournal,
  restart: () => void,
): (scopeKey: string) => void {
  let busy = false;
  return (scopeKey) => {
    if (busy) return;
    busy = true;
    void (async () => {
      try {
        if ((await checkScopeKey(db, scopeKey)) !== 'changed') return;
        const pushed = await firstValueFrom(
          journal.pendingCount$.pipe(
            filter((pending) => pending === 0),
            timeout({ first: PUSH_FIRST_TIMEOUT_MS }),
          ),
        ).then(
          () => true,
          () => false,
        );
        if (!pushed) return;
        await requestScopeResync(db, scopeKey);
        restart();
      } catch (error) {
        // A pull still in flight when the database closed (sign-out, reload): nothing to compare.
        // Anything else is worth a trace; the next pull checks again.
        if (!db.closed) console.warn('Outpost could not check the sync scope:', error);
      } finally {
        busy = false;
      }
    })();
  };
}
