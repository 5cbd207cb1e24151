import type { RxLocalDocument } from 'rxdb';
import { concatMap, filter, startWith, type Observable } from 'rxjs';
import type { OutpostDatabase } from './database';

/**
 * One of the database's local documents now and after each write of it (null while it does not
 * exist) — `db.getLocal$(id)` without its cost: in rxdb 17.6 that listens to `db.$`, which turns
 * every event bulk of every collection into events through a module-level `Map` never emptied, so
 * while a preference or a journal list was on screen, each record a sync wrote stayed on the
 * page's heap until a relaunch (docs/adr/0043-change-events-without-rxdb-cache.md). This one looks
 * at the bulks' ids and reads the document again when one of its bulks names it.
 */
export function localDocument$<T>(db: OutpostDatabase, id: string): Observable<RxLocalDocument<unknown, T> | null> {
  return db.eventBulks$.pipe(
    // The database's own local documents: their bulks name no collection.
    filter((bulk) => bulk.isLocal && !bulk.collectionName && bulk.events.some((event) => event.documentId === id)),
    startWith(null),
    concatMap(() => db.getLocal<T>(id) as Promise<RxLocalDocument<unknown, T> | null>),
  );
}
