import type { PaletteCollection } from './palette-search';

/** A record someone opened: what the command palette lists first before anything is typed. */
export interface RecentRecord {
  collection: PaletteCollection;
  id: string;
}

/** How many recently opened records are kept. */
export const RECENT_RECORDS_MAX = 8;

/** The list after `opened` was opened: it first, once, the rest in the order they were opened, at most `max`. */
export function withOpened(
  recent: readonly RecentRecord[],
  opened: RecentRecord,
  max = RECENT_RECORDS_MAX,
): RecentRecord[] {
  const others = recent.filter((r) => !(r.collection === opened.collection && r.id === opened.id));
  return [{ collection: opened.collection, id: opened.id }, ...others].slice(0, max);
}
