import type { RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import type { Workspace } from './workspace';

/** What a list shows: a Mango selector and its sort, as the record table builds them. */
export interface RecordQuery {
  selector: Record<string, unknown>;
  sort?: Record<string, 'asc' | 'desc'>[];
}

/** Records per read: a page of a large workspace without holding every RxDocument at once. */
export const RECORD_PAGE_SIZE = 1000;

/**
 * The records a query matches, page after page in its order (id last, so pages never overlap or
 * skip a record), as plain data. Removed records are left out unless the selector asks for them.
 */
export async function* readRecordPages<C extends CollectionName>(
  ws: Workspace,
  collection: C,
  query: RecordQuery,
  pageSize = RECORD_PAGE_SIZE,
): AsyncGenerator<CollectionDocs[C][]> {
  const rx = ws.db[collection] as unknown as RxCollection<CollectionDocs[C]>;
  const base = 'deletedAt' in query.selector ? query.selector : { ...query.selector, deletedAt: null };
  const sort = [...(query.sort ?? []), ...(query.sort?.some((s) => 'id' in s) ? [] : [{ id: 'asc' as const }])];
  const [field, dir] = Object.entries(sort[0]!)[0]!;
  const fixed = isFixed(base[field]);
  let selector = base;
  let skip = 0;
  let startKey: unknown = undefined;
  for (;;) {
    const docs = (await rx.find({ selector, sort, skip, limit: pageSize } as never).exec()).map(
      (doc) => doc.toJSON() as CollectionDocs[C],
    );
    if (docs.length) yield docs;
    if (docs.length < pageSize) return;
    // Keyset paging: the next page starts at the last key read, past the records of that key read
    // already, so each read walks only its own rows — a skip from the start would read every row
    // before the page again, and exporting 100k records would read millions. A key the selector
    // fixes (equality) leaves nothing to move: those pages skip.
    const lastKey = (docs[docs.length - 1] as Record<string, unknown>)[field];
    const sameKey = docs.filter((d) => (d as Record<string, unknown>)[field] === lastKey).length;
    if (fixed) {
      skip += docs.length;
      continue;
    }
    skip = startKey === lastKey ? skip + sameKey : sameKey;
    startKey = lastKey;
    const bounds = isOperators(base[field]) ? base[field] : {};
    selector = { ...base, [field]: { ...bounds, [dir === 'desc' ? '$lte' : '$gte']: lastKey } };
  }
}

function isOperators(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).every((k) => k.startsWith('$'))
  );
}

/** A selector that holds the sort field to one value: every record shares the key. */
function isFixed(value: unknown): boolean {
  return value !== undefined && (!isOperators(value) || '$eq' in value);
}
