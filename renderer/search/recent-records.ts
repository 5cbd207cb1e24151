import { withOpened, type RecentRecord } from '@domain/recent-records';
import type { OutpostDatabase } from '../db/database';

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

/** Remember that `opened` was just opened. */
export async function rememberOpened(db: OutpostDatabase, opened: RecentRecord): Promise<void> {
  const records = withOpened(await readRecentRecords(db), opened);
  await db.upsertLocal<RecentRecordsDoc>(RECENT_DOC, { records });
}
