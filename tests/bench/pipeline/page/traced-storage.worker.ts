/**
 * The app's storage worker with the bench's IndexedDB tracing: every read-write transaction of the
 * deals and stage_changes stores, created and completed, on the page's clock (epoch ms minus the
 * page's time origin, done on the page). Kept here and handed over on request, so that tracing
 * sends nothing to the page while a drop is measured.
 */
// The app's worker, unchanged. Its transactions are created only once the page sends requests,
// after the patch below is in place.
import '../../../../renderer/db/storage/storage.worker';
import { TRACE_REPLY, TRACE_REQUEST, type WorkerTxRecord } from './trace-protocol';

const records: WorkerTxRecord[] = [];
const openTransaction = IDBDatabase.prototype.transaction;
IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
  const tx = openTransaction.apply(this, args);
  if (tx.mode === 'readwrite' && /--(deals|stage_changes)$/.test(this.name)) {
    const record: WorkerTxRecord = { created: performance.timeOrigin + performance.now(), complete: null };
    records.push(record);
    tx.addEventListener('complete', () => (record.complete = performance.timeOrigin + performance.now()));
  }
  return tx;
};
const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};
scope.addEventListener('message', (event) => {
  if (event.data === TRACE_REQUEST) scope.postMessage({ [TRACE_REPLY]: records });
});
