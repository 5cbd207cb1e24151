import { COLLECTION_NAMES, type CollectionName } from '@domain/collections';
import { toIsoDate } from '@domain/time';
import type { Setting } from '@domain/schemas/setting';
import { readRecord } from '../../db/record-reads';
import { storeCompleteRecords, updateRecord } from '../../db/record-writes';
import { StorageWriteError } from '../../db/storage/storage-write-error';
import type { Workspace } from '../../db/workspace';
import type { DemoSetName } from './demo-sets';

/** Records generated between two yields to the page: a few milliseconds of work on a slow machine. */
export const GENERATE_CHUNK = 100;
/**
 * Records per storage write (one IndexedDB transaction in the storage worker): IndexedDB pays per
 * transaction, and the initial-sync bootstrap writes up to 5,000 at a time for the same reason.
 */
export const WRITE_BATCH = 2_000;

export interface DemoLoadOptions {
  size?: DemoSetName;
  /** Stops the load after the write in progress; what was written stays (a consistent prefix). */
  signal?: AbortSignal;
}

export interface DemoLoadResult {
  /** Records generated and handed to the store (records already stored are kept, and counted). */
  written: number;
  total: number;
  cancelled: boolean;
}

/**
 * Load a demo workspace into the local store, reporting progress after each write.
 *
 * The generator runs on the page in chunks of GENERATE_CHUNK records that yield between them, while
 * the previous batch is written by the storage worker (ADR 0012): generating and writing overlap,
 * and the page never runs long enough to hold back a frame or a keystroke. Batches go to the
 * storage in the generator's order — configuration, companies, contacts, leads, each deal before
 * its stage history, activities — one at a time, so a cancelled load leaves a prefix whose every
 * reference resolves. Records already stored are kept, so loading again (the same day) completes a
 * cancelled load and loading twice is safe (docs/adr/0035-loading-a-large-demo-workspace.md).
 */
export async function loadDemoData(
  ws: Workspace,
  onProgress: (done: number, total: number) => void,
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult> {
  // The generator and its word lists are a large share of the code and most people never ask for
  // them: a chunk of their own, fetched (from the precache when offline) on the first request.
  const { demoBatches, demoRecordCount } = await import('@demo-data');
  const { signal } = options;
  const demo = {
    size: options.size ?? 'small',
    today: toIsoDate(Date.now()),
    currentUser: ws.user,
    batchSize: GENERATE_CHUNK,
  };
  const total = demoRecordCount(demo);
  let done = 0;
  onProgress(done, total);

  const store = async (collection: CollectionName, records: unknown[]) => {
    if (collection === 'settings') await addMissingSettingItems(ws, records as Setting[]);
    // The signed-in user's profile belongs to the server (it holds their account): never overwrite it.
    const fresh = collection === 'users' ? records.filter((r) => (r as { id: string }).id !== ws.user.id) : records;
    const failures = await storeCompleteRecords(ws, collection, fresh as never[]);
    if (failures) throw new StorageWriteError(`${collection}: ${failures} records could not be written`, false);
    done += records.length;
    onProgress(done, total);
  };

  // Records waiting to be written, by collection. The generator interleaves deals with their
  // stage changes a chunk at a time: grouped by collection, they still go out in large writes.
  const pending = new Map<CollectionName, unknown[]>();
  let pendingCount = 0;
  /** Every pending group, in the order references need (a deal before its stage changes). */
  const flush = async () => {
    const groups = [...pending].sort(([a], [b]) => WRITE_ORDER.indexOf(a) - WRITE_ORDER.indexOf(b));
    pending.clear();
    pendingCount = 0;
    for (const [collection, records] of groups) {
      // Between two writes a cancel stops too: the groups go out in reference order.
      if (signal?.aborted) return;
      await store(collection, records);
    }
  };

  let writing: Promise<void> = Promise.resolve();
  for (const { collection, records } of demoBatches(demo)) {
    if (signal?.aborted) break;
    if (!COLLECTION_NAMES.includes(collection as CollectionName)) continue;
    const group = pending.get(collection) ?? [];
    pending.set(collection, group);
    for (const record of records) group.push(record);
    pendingCount += records.length;
    if (pendingCount >= WRITE_BATCH) {
      // One flush at a time: the next starts when the previous is stored, so storage order
      // follows references and a cancel keeps a prefix.
      await writing;
      if (signal?.aborted) break;
      writing = flush();
      // Awaited at the next hand-over or at the end; marked handled so a failure is not reported twice.
      writing.catch(() => undefined);
    }
    await yieldToPage();
  }
  await writing;
  if (pendingCount && !signal?.aborted) await flush();
  return { written: done, total, cancelled: done < total };
}

/** The generator's order of collections: each one's references point only to those before it. */
const WRITE_ORDER: readonly CollectionName[] = [
  'settings',
  'users',
  'pipelines',
  'saved_views',
  'companies',
  'contacts',
  'leads',
  'deals',
  'stage_changes',
  'activities',
];

/** Lets the page handle input and draw a frame between two chunks of generation. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
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
