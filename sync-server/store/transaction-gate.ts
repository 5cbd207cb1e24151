import { AsyncLocalStorage } from 'node:async_hooks';
import { AsyncMutex } from './async-mutex';

/**
 * Serializes a store's write transactions within this process, refuses new ones once the store is
 * closing, and lets `close()` wait for the ones already queued. It also recognises a transaction
 * started from inside another one of the same store, which would otherwise wait for itself forever.
 */
export class TransactionGate {
  private readonly mutex = new AsyncMutex();
  private readonly inside = new AsyncLocalStorage<true>();
  private closing = false;

  constructor(private readonly storeName: string) {}

  get isClosing(): boolean {
    return this.closing;
  }

  /** True while the calling async context is inside one of this gate's transactions. */
  get isInsideTransaction(): boolean {
    return this.inside.getStore() === true;
  }

  assertOpen(): void {
    if (this.closing) throw new Error(`${this.storeName} store is closed`);
  }

  /** Runs `fn` alone: after every earlier call has finished and before any later one starts. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    this.assertOpen();
    if (this.isInsideTransaction) {
      throw new Error(
        `${this.storeName} store: transaction() was called inside another transaction of the same store; ` +
          'use the transaction object passed to the outer callback',
      );
    }
    return this.mutex.run(() => {
      // Queued before close() was called: still runs, close() waits for it.
      return this.inside.run(true, fn);
    });
  }

  /** Like run(), for reads that must not interleave with a write (single-connection stores). */
  async exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    this.assertOpen();
    if (this.isInsideTransaction) return fn();
    return this.mutex.run(async () => fn());
  }

  /** Refuses new work and resolves once every transaction queued before this call has finished. */
  async close(): Promise<void> {
    this.closing = true;
    const release = await this.mutex.lock();
    release();
  }
}
