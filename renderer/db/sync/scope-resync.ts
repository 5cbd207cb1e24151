import type { RxLocalDocumentMutation } from 'rxdb';

/**
 * What the scope bookkeeping needs of a database: its local documents. Asked for by shape rather
 * than as OutpostDatabase, because openDatabase (database.ts) calls this module while it opens one.
 */
export type LocalDocumentStore = Pick<RxLocalDocumentMutation<unknown>, 'getLocal' | 'upsertLocal'>;

/** The scope key this device's replicated data was pulled under. */
const SCOPE_DOC = 'sync-scope';
/** Set when the scope changed: the next open of the database starts its collections empty. */
export const SCOPE_RESYNC_DOC = 'scope-resync';

export type ScopeCheck = 'same' | 'first' | 'changed';

/**
 * Compares a pull's scope key with the one this device synced under; remembers the first one.
 *
 * Why a changed key means a full resync: records that entered the user's sight (a new role, a new
 * team, a colleague who joined it) can be older than the device's checkpoints, so an incremental
 * pull never brings them; and records that left it by a change of the user rather than of the
 * record have no removal in the access-change log. Starting the collections empty and pulling
 * under the new scope is exact for both.
 */
export async function checkScopeKey(db: LocalDocumentStore, key: string): Promise<ScopeCheck> {
  const doc = await db.getLocal<{ key: string }>(SCOPE_DOC);
  const known = doc?.toJSON().data.key;
  if (known === key) return 'same';
  if (known === undefined) {
    await db.upsertLocal(SCOPE_DOC, { key });
    return 'first';
  }
  return 'changed';
}

/** Marks the database for a fresh pull at its next open (see openDatabase) under `key`. */
export async function requestScopeResync(db: LocalDocumentStore, key: string): Promise<void> {
  await db.upsertLocal(SCOPE_RESYNC_DOC, { key });
}

/** Called by openDatabase once the collections are empty again: the device now syncs under `key`. */
export async function completeScopeResync(db: LocalDocumentStore): Promise<boolean> {
  const doc = await db.getLocal<{ key: string }>(SCOPE_RESYNC_DOC);
  if (!doc) return false;
  await db.upsertLocal(SCOPE_DOC, { key: doc.toJSON().data.key });
  await doc.remove();
  return true;
}

/** Whether the database was marked for a fresh pull (openDatabase checks before anything reads it). */
export async function scopeResyncRequested(db: LocalDocumentStore): Promise<boolean> {
  return (await db.getLocal(SCOPE_RESYNC_DOC)) !== null;
}
