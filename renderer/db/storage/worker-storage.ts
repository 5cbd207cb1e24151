import type { RxStorage } from 'rxdb';
import { getRxStorageRemote, type MessageFromRemote, type RemoteMessageChannel } from 'rxdb/plugins/storage-remote';
import { Subject } from 'rxjs';
import { STORAGE_WORKER_READY } from './storage-worker-protocol';

/**
 * The app's storage: RxDB's Dexie storage in a dedicated module worker (storage.worker.ts), reached
 * through RxDB's remote-storage plugin (docs/adr/0012-storage-in-a-worker.md). Browser only; tests
 * in Node pass a memory or fake-indexeddb storage to openDatabase instead.
 */

/** The storage worker did not start (its script failed to load or run, or it never answered). */
export class StorageWorkerError extends Error {
  override name = 'StorageWorkerError';
}

/** A worker that runs storage.worker.ts; injectable so that a test can hand in a failing one. */
export type StartStorageWorker = () => Worker;

/** Far above a normal start (~40 ms) and a cold one; below it a broken worker would look like a hang. */
export const STORAGE_WORKER_START_TIMEOUT_MS = 20_000;

/** Vite bundles the worker from this exact `new Worker(new URL(…), { type: 'module' })` form. */
const startAppStorageWorker: StartStorageWorker = () =>
  new Worker(new URL('./storage.worker.ts', import.meta.url), { type: 'module', name: 'outpost-storage' });

/**
 * One worker per channel: started when RxDB opens the storage's first instance, terminated when it
 * closes the last (RxDB counts them: the database's internal store is the first opened and the last
 * closed, so the worker lives exactly as long as the database, and `removeRxDatabase` on a closed
 * one starts a worker of its own for the removal).
 */
function openWorkerChannel(start: StartStorageWorker, timeoutMs: number): Promise<RemoteMessageChannel> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = start();
    } catch (error) {
      reject(new StorageWorkerError(`the storage worker could not be created: ${String(error)}`));
      return;
    }
    const messages$ = new Subject<MessageFromRemote>();
    let ready = false;
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      worker.terminate();
      messages$.complete();
    };
    const fail = (reason: string) => {
      void close();
      reject(new StorageWorkerError(reason));
    };
    const timer = setTimeout(() => fail(`the storage worker did not start within ${timeoutMs} ms`), timeoutMs);
    worker.addEventListener('message', (event: MessageEvent<MessageFromRemote | typeof STORAGE_WORKER_READY>) => {
      if (ready) {
        messages$.next(event.data as MessageFromRemote);
      } else if (event.data === STORAGE_WORKER_READY) {
        ready = true;
        clearTimeout(timer);
        resolve({ messages$: messages$.asObservable(), send: (message) => worker.postMessage(message), close });
      }
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      // Before it is ready: its module failed to load (missing file, CSP, syntax) or threw at start.
      if (!ready) fail(`the storage worker failed to start: ${event.message || 'its script could not be loaded'}`);
      else console.error('The storage worker reported an error:', event.message);
    });
    worker.addEventListener('messageerror', () =>
      console.error('The storage worker sent a message that could not be read'),
    );
  });
}

export interface WorkerStorageOptions {
  start?: StartStorageWorker;
  startTimeoutMs?: number;
}

/** A storage for `openDatabase({ storage })`; each call is independent (one worker per database). */
export function getRxStorageWorker(options: WorkerStorageOptions = {}): RxStorage<unknown, unknown> {
  const start = options.start ?? startAppStorageWorker;
  const timeoutMs = options.startTimeoutMs ?? STORAGE_WORKER_START_TIMEOUT_MS;
  return getRxStorageRemote({
    identifier: 'outpost-storage',
    // One channel (one worker) for all of this storage's instances; `one` would keep it forever.
    mode: 'storage',
    messageChannelCreator: () => openWorkerChannel(start, timeoutMs),
  }) as unknown as RxStorage<unknown, unknown>;
}
