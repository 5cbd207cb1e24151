import { map, type Observable } from 'rxjs';
import { withOpened, type RecentRecord } from '@domain/recent-records';
import type { OutpostDatabase } from '../db/database';
import { localDocument$ } from '../db/local-document';

/**
 * The records this user opened last, newest first, kept in a local document of the user's own
 * database: on this device only, never replicated, and another user of the device has their own.
 */
const RECENT_DOC = 'recent-records';

interface RecentRecordsDoc {
  records: RecentRecord[];
}

export async function readRecentRecords(db: OutpostDatabase): Promise<RecentRecord[]> {
  const doc = await db.getLocal<RecentRecordsDoc>(RECENT_DOC);
  return [...(doc?.toJSON().data.records ?? [])];
}

/** The list now and at every change (a record opened while the palette is open, in this window or another). */
export function recentRecords$(db: OutpostDatabase): Observable<RecentRecord[]> {
  return localDocument$<RecentRecordsDoc>(db, RECENT_DOC).pipe(map((doc) => [...(doc?.toJSON().data.records ?? [])]));
}

/** The last write of each database's list: the next one waits for it, so two quick opens both count. */
const writes = new WeakMap<OutpostDatabase, Promise<void>>();

/** Remember that `opened` was just opened. */
export function rememberOpened(db: OutpostDatabase, opened: RecentRecord): Promise<void> {
  const write = (writes.get(db) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      const records = withOpened(await readRecentRecords(db), opened);
      await db.upsertLocal<RecentRecordsDoc>(RECENT_DOC, { records });
    });
  writes.set(db, write);
  return write;
}
