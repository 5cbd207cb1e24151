import Dexie from 'dexie';
import { demoBatches, type DemoSize } from '../../../demo-data';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type CollectionName } from '../../../domain/collections';
import { uuidv7 } from '../../../domain/ids';
import { toIsoDate } from '../../../domain/time';
import { openDatabase } from '../../../renderer/db/database';
import { openDeviceClock } from '../../../renderer/db/device-clock';
import { getRxStorageWorker } from '../../../renderer/db/storage/worker-storage';
import { openSyncJournal } from '../../../renderer/db/sync/sync-journal';
import { loadDemoData, WRITE_BATCH } from '../../../renderer/features/onboarding/load-demo-data';
import type { DemoLoadRunOptions, DemoLoadRunResult } from './protocol';

/**
 * The browser half of the `load` bench: Settings → Demo data's loader on the app's storage, and the
 * baseline — the same generator, the same records and batch size, written raw with Dexie bulkPut on
 * the page into tables with the same IndexedDB indexes as RxDB's Dexie storage declares.
 */
export async function demoLoadRun(
  options: DemoLoadRunOptions,
  status: (text: string) => void,
): Promise<DemoLoadRunResult> {
  const usageBefore = await storageUsage();
  const longTasks = watchLongTasks();
  const result = options.kind === 'app' ? await appLoad(options, status) : await rawLoad(options, status);
  const { longest, total } = longTasks.stop();
  const usageAfter = await storageUsage();
  return {
    ...result,
    longestTaskMs: longest,
    longTasksMs: total,
    storedBytes: usageBefore === null || usageAfter === null ? null : usageAfter - usageBefore,
  };
}

type Timed = Pick<DemoLoadRunResult, 'records' | 'totalMs' | 'writes'>;

async function appLoad(options: DemoLoadRunOptions, status: (text: string) => void): Promise<Timed> {
  const db = await openDatabase({ name: options.name, storage: getRxStorageWorker() });
  const [clock, journal] = await Promise.all([openDeviceClock(db), openSyncJournal(db)]);
  const user = {
    id: uuidv7(),
    name: 'Bench Owner',
    email: 'owner@example.com',
    role: 'SALES_MANAGER' as const,
    teamId: uuidv7(),
  };
  let writes = 0;
  const started = performance.now();
  const result = await loadDemoData(
    { db, clock, journal, user },
    (done, total) => {
      writes++;
      status(`app: ${done} of ${total}`);
    },
    { size: options.size },
  );
  const totalMs = performance.now() - started;
  await db.close();
  if (result.cancelled || result.written !== result.total)
    throw new Error(`app: ${result.written} of ${result.total} written`);
  return { records: result.written, totalMs, writes: writes - 1 };
}

/** RxDB's internal indexes of a Dexie table, then the collection schema's (prefixed, id last). */
function rxdbIndexes(collection: CollectionName): string {
  const internal = ['id', '[_deleted+id]', '[_meta.lwt+id]', '_meta.lwt'];
  const own = (COLLECTION_SCHEMAS[collection].indexes ?? []).map(
    (index) => `[_deleted+${(Array.isArray(index) ? index : [index]).join('+')}+id]`,
  );
  return [...internal, ...own].join(',');
}

async function rawLoad(options: DemoLoadRunOptions, status: (text: string) => void): Promise<Timed> {
  const db = new Dexie(options.name);
  db.version(1).stores(Object.fromEntries(COLLECTION_NAMES.map((c) => [c, rxdbIndexes(c)])));
  await db.open();
  const demo = { size: options.size as DemoSize, today: toIsoDate(Date.now()) };
  const started = performance.now();
  let records = 0;
  let writes = 0;
  const pending = new Map<CollectionName, object[]>();
  let pendingCount = 0;
  const flush = async () => {
    const groups = [...pending];
    pending.clear();
    pendingCount = 0;
    for (const [collection, docs] of groups) {
      await db.table(collection).bulkPut(docs);
      records += docs.length;
      writes++;
      status(`raw: ${records}`);
    }
  };
  let writing: Promise<void> = Promise.resolve();
  for (const { collection, records: batch } of demoBatches(demo)) {
    const group = pending.get(collection) ?? [];
    pending.set(collection, group);
    for (const record of batch)
      group.push({ ...record, _deleted: '0', _meta: { lwt: Date.now() }, _rev: '1-bench', _attachments: {} });
    pendingCount += batch.length;
    if (pendingCount >= WRITE_BATCH) {
      await writing;
      writing = flush();
    }
  }
  await writing;
  await flush();
  const totalMs = performance.now() - started;
  db.close();
  return { records, totalMs, writes };
}

async function storageUsage(): Promise<number | null> {
  try {
    return (await navigator.storage.estimate()).usage ?? null;
  } catch {
    return null;
  }
}

/** Tasks over 50 ms on the page's thread while the load runs (Chromium's long-task entries). */
function watchLongTasks(): { stop(): { longest: number; total: number } } {
  let longest = 0;
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longest = Math.max(longest, entry.duration);
      total += entry.duration;
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      observer.takeRecords().forEach((entry) => {
        longest = Math.max(longest, entry.duration);
        total += entry.duration;
      });
      observer.disconnect();
      return { longest, total };
    },
  };
}
