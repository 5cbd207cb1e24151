import { COLLECTION_NAMES, type CollectionName } from '@domain/collections';
import { toIsoDate } from '@domain/time';
import type { Setting } from '@domain/schemas/setting';
import { readRecord } from '../../db/record-reads';
import { insertCompleteRecords, updateRecord } from '../../db/record-writes';
import type { Workspace } from '../../db/workspace';

/**
 * Load the small demo workspace into the local store, a batch per bulk write (IndexedDB pays per
 * transaction), reporting progress. Records that already exist are kept, so loading twice is safe.
 */
export async function loadDemoData(ws: Workspace, onProgress: (done: number, total: number) => void): Promise<number> {
  // The generator and its word lists are a large share of the code and most people never ask for
  // them: a chunk of their own, fetched (from the precache when offline) on the first request.
  const { demoBatches, demoRecordCount } = await import('@demo-data');
  const options = { size: 'small' as const, today: toIsoDate(Date.now()), currentUser: ws.user };
  const total = demoRecordCount(options);
  let done = 0;
  onProgress(done, total);
  for (const { collection, records } of demoBatches(options)) {
    if (!COLLECTION_NAMES.includes(collection as CollectionName)) continue;
    if (collection === 'settings') await addMissingSettingItems(ws, records);
    // The signed-in user's profile belongs to the server (it holds their account): never overwrite it.
    const fresh = collection === 'users' ? records.filter((r) => (r as { id: string }).id !== ws.user.id) : records;
    const failures = await insertCompleteRecords(ws, collection as CollectionName, fresh as never[]);
    if (failures) throw new Error(`${collection}: ${failures} records could not be written`);
    done += records.length;
    onProgress(done, total);
  }
  return done;
}

/** Configuration lists that already exist gain the demo's items (e.g. its second team) by key. */
async function addMissingSettingItems(ws: Workspace, demo: readonly Setting[]) {
  for (const setting of demo) {
    const existing = await readRecord(ws, 'settings', setting.id);
    if (!existing) continue;
    const known = new Set(existing.items.map((i) => i.key));
    const missing = setting.items.filter((i) => !known.has(i.key));
    if (missing.length) await updateRecord(ws, 'settings', setting.id, { items: [...existing.items, ...missing] });
  }
}
