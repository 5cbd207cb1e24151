import type { RxChangeEvent, RxCollection } from 'rxdb';
import { Observable } from 'rxjs';

/**
 * The change events of one collection, one at a time, as `collection.$` gives them — but made
 * from `collection.eventBulks$` without RxDB's module-level cache. In rxdb 17.6 `collection.$`
 * (and `insert$`, `update$`, `remove$`, `db.$`) turns each event bulk into events through a `Map`
 * keyed by the bulk that is never emptied, so every record a sync wrote while anyone listened
 * stayed on the page's heap until a relaunch (docs/adr/0043-change-events-without-rxdb-cache.md).
 * Listen to changes through this, never through `collection.$`.
 */
export function changesOf<T>(collection: RxCollection<T>): Observable<RxChangeEvent<T>> {
  return new Observable<RxChangeEvent<T>>((subscriber) =>
    collection.eventBulks$.subscribe({
      next(bulk) {
        for (const event of bulk.events) {
          subscriber.next({
            documentId: event.documentId,
            collectionName: bulk.collectionName,
            isLocal: bulk.isLocal,
            operation: event.operation,
            documentData: event.documentData,
            previousDocumentData: event.previousDocumentData,
          } as RxChangeEvent<T>);
        }
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    }),
  );
}
