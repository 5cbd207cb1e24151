import { MessageChannel } from 'node:worker_threads';
import type { RxStorage } from 'rxdb';
import {
  exposeRxStorageRemote,
  getRxStorageRemote,
  type MessageFromRemote,
  type MessageToRemote,
} from 'rxdb/plugins/storage-remote';
import { Subject } from 'rxjs';

/**
 * `storage` behind RxDB's remote-storage protocol, as the app's storage worker serves its Dexie
 * storage (renderer/db/storage, ADR 0012), but in this process: every message crosses a real
 * MessagePort (structured clone, delivered in a later task), so a test over it sees what the page
 * sees of the worker — instances created by message, answers and change events as copies.
 */
export function getRxStorageOverMessagePort(storage: RxStorage<unknown, unknown>): RxStorage<unknown, unknown> {
  return getRxStorageRemote({
    identifier: 'test-message-port',
    mode: 'storage',
    messageChannelCreator: () => {
      const { port1: page, port2: remote } = new MessageChannel();
      const toRemote$ = new Subject<MessageToRemote>();
      remote.on('message', (message: MessageToRemote) => toRemote$.next(message));
      exposeRxStorageRemote({ storage, messages$: toRemote$, send: (message) => remote.postMessage(message) });
      const fromRemote$ = new Subject<MessageFromRemote>();
      page.on('message', (message: MessageFromRemote) => fromRemote$.next(message));
      // A test that forgets to close its database must not keep the process alive.
      page.unref();
      remote.unref();
      return Promise.resolve({
        messages$: fromRemote$.asObservable(),
        send: (message: MessageToRemote) => page.postMessage(message),
        close: async () => {
          page.close();
          remote.close();
          toRemote$.complete();
          fromRemote$.complete();
        },
      });
    },
  }) as unknown as RxStorage<unknown, unknown>;
}
