import { Subject } from 'rxjs';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { exposeRxStorageRemote, type MessageToRemote } from 'rxdb/plugins/storage-remote';
import { withDescendingIndexQueries } from './descending-index-queries';
import { STORAGE_WORKER_READY } from './storage-worker-protocol';

/**
 * The app's storage thread (docs/adr/0012-storage-in-a-worker.md): RxDB's Dexie storage, exposed
 * to the page through RxDB's remote-storage protocol. IndexedDB's callbacks run here, so the
 * page's input handling and frames never hold a write back. RxDB itself — collections, queries,
 * replication, leader election — stays on the page. Descending lists are read backwards along
 * their index (descending-index-queries.ts).
 */

/** The dedicated worker's global scope, typed by what is used (the project compiles with the DOM lib). */
const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MessageToRemote>) => void): void;
};

const messages$ = new Subject<MessageToRemote>();
scope.addEventListener('message', (event) => messages$.next(event.data));
exposeRxStorageRemote({
  storage: withDescendingIndexQueries(getRxStorageDexie()),
  messages$,
  send: (message) => scope.postMessage(message),
});
scope.postMessage(STORAGE_WORKER_READY);
