import type { CollectionName } from '@domain/collections';
import type { StoredRecord } from './store';

type Read = (collection: CollectionName, ids: readonly string[]) => Promise<Map<string, StoredRecord>>;

interface Waiting {
  ids: readonly string[];
  resolve(found: Map<string, StoredRecord>): void;
  reject(error: unknown): void;
}

/**
 * Reads asked for in the same turn of the event loop, of the same collection, go out as one: a
 * group admits its waiting members in one loop and each asks at once for the records it is about
 * to write (group-transaction.ts), so under load one statement answers a whole group's lookups
 * instead of one per push — one round trip, one backend wake-up, one plan, one pooled connection.
 * Each caller receives a map of its own ids only. A failed read fails every caller it served.
 *
 * Only for reads that may share a snapshot: all of them must see the same committed state (a
 * group's members do: nothing else commits while the group holds the write lock).
 */
export function coalescedReads(read: Read): Read {
  const pending = new Map<CollectionName, Waiting[]>();
  const flush = (collection: CollectionName) => {
    const waiting = pending.get(collection)!;
    pending.delete(collection);
    const ids = waiting.length === 1 ? waiting[0]!.ids : [...new Set(waiting.flatMap((w) => w.ids))];
    read(collection, ids).then(
      (found) => {
        if (waiting.length === 1) return waiting[0]!.resolve(found);
        for (const w of waiting) {
          const own = new Map<string, StoredRecord>();
          for (const id of w.ids) {
            const record = found.get(id);
            if (record !== undefined) own.set(id, record);
          }
          w.resolve(own);
        }
      },
      (error: unknown) => {
        for (const w of waiting) w.reject(error);
      },
    );
  };
  return (collection, ids) =>
    new Promise((resolve, reject) => {
      let waiting = pending.get(collection);
      if (!waiting) {
        pending.set(collection, (waiting = []));
        queueMicrotask(() => flush(collection));
      }
      waiting.push({ ids, resolve, reject });
    });
}
