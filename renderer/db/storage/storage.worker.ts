import { Subject } from 'rxjs';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { exposeRxStorageRemote, type MessageToRemote } from 'rxdb/plugins/storage-remote';
import { STORAGE_WORKER_READY } from './storage-worker-protocol';
import { withIndexedReads } from './with-indexed-reads';

/**
 * The app's storage thread (docs/adr/0012-storage-in-a-worker.md): RxDB's Dexie storage, exposed
 * to the page through RxDB's remote-storage protocol. IndexedDB's callbacks run here, so the
 * page's input handling and frames never hold a write back. RxDB itself — collections, queries,
 * replication, leader election — stays on the page. Some reads are made cheaper where the
 * records are (with-indexed-reads.ts).
 */

/** The dedicated worker's global scope, typed by what is used (the project compiles with the DOM lib). */
const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MessageToRemote>) => void): void;
};

const messages$ = new Subject<MessageToRemote>();
scope.addEventListener('message', (event) => messages$.next(event.data));
exposeRxStorageRemote({
  storage: withIndexedReads(getRxStorageDexie()),
  messages$,
  send: (message) => scope.postMessage(message),
});
scope.postMessage(STORAGE_WORKER_READY);
