import { AsyncLocalStorage } from 'node:async_hooks';
import { AsyncMutex } from './async-mutex';
import type { StoreTransaction } from './store';

/**
 * One database transaction shared by a group of store transactions (group commit), as an adapter
 * opens it (see group-transaction.ts). The gate runs the members one after another inside it; a
 * member that fails leaves nothing behind, and one commit makes the whole group durable.
 */
export interface TransactionGroup {
  /**
   * Runs one member's callback and returns its result and the highest seq it wrote (0 for none).
   * When it throws, nothing the member wrote is kept and the group goes on with the next member.
   * Members may be started before earlier ones have ended; the group makes them behave as if each
   * ran after the ones started before it, and settles them in that order.
   */
  member<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<{ value: T; lastSeq: number }>;
  /**
   * Makes every member's writes durable at once. With `openNext`, also starts opening the next
   * group right behind the commit (no round trip in between), and returns it.
   */
  commit(openNext: boolean): Promise<{ next: Promise<TransactionGroup> | null }>;
  /** Undoes the whole group (after a failed commit or a broken transaction). Never throws. */
  rollback(): Promise<void>;
}

export interface TransactionGateOptions {
  storeName: string;
  /** Opens the shared transaction of a group (PostgreSQL: takes the counter lock; SQLite: BEGIN IMMEDIATE). */
  openGroup(): Promise<TransactionGroup>;
  /** Called after a group's commit, once per member that wrote, in seq order, with its highest seq. */
  committed(lastSeq: number): void;
  /** At most this many members share a commit (default 16): bounds the first member's wait. */
  maxGroupSize?: number;
}

interface Pending {
  fn: (tx: StoreTransaction) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Serializes a store's write transactions within this process and commits them in groups.
 *
 * `run(fn)` queues a transaction. Whoever finds the queue idle starts draining it: a group opens
 * one database transaction, runs the queued callbacks one after another inside it (one that fails
 * is rolled back alone and answers with its error at once), and commits once. Only then are the members' promises resolved and their seqs announced, in seq order: an
 * answer never goes out before its write is durable. Transactions that arrive while a group runs
 * or commits wait for the next group, so under load one durable commit (one fsync) serves several
 * pushes, and with no load a group is a single transaction committed at once — no timer, no delay.
 *
 * Commit order equals seq order: members run strictly one after another on one transaction, and
 * groups one after another (the next group's database transaction starts after the previous one
 * committed).
 *
 * The gate also refuses new transactions once the store is closing (close() waits for the ones
 * already queued), and recognises a transaction started from inside another one of the same store,
 * which would otherwise wait for itself forever.
 */
export class TransactionGate {
  /** Held for a whole group, commit included; single-connection stores' reads take it too. */
  private readonly mutex = new AsyncMutex();
  private readonly inside = new AsyncLocalStorage<true>();
  private readonly queue: Pending[] = [];
  private draining: Promise<void> | null = null;
  private closing = false;
  private readonly maxGroupSize: number;

  constructor(private readonly options: TransactionGateOptions) {
    this.maxGroupSize = options.maxGroupSize ?? 16;
  }

  get isClosing(): boolean {
    return this.closing;
  }

  /** True while the calling async context is inside one of this gate's transactions. */
  get isInsideTransaction(): boolean {
    return this.inside.getStore() === true;
  }

  assertOpen(): void {
    if (this.closing) throw new Error(`${this.options.storeName} store is closed`);
  }

  /** Queues `fn` as a write transaction; resolves with its result once its group has committed. */
  run<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    try {
      this.assertOpen();
      if (this.isInsideTransaction) {
        throw new Error(
          `${this.options.storeName} store: transaction() was called inside another transaction of the same store; ` +
            'use the transaction object passed to the outer callback',
        );
      }
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      this.startDraining();
    });
  }

  /** Runs `fn` between groups: for reads that must not see a transaction in flight (single-connection stores). */
  async exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    this.assertOpen();
    if (this.isInsideTransaction) return fn();
    return this.mutex.run(async () => fn());
  }

  /** Refuses new work and resolves once every transaction queued before this call has finished. */
  async close(): Promise<void> {
    this.closing = true;
    while (this.draining) await this.draining;
    const release = await this.mutex.lock();
    release();
  }

  /** Starts draining the queue unless it is being drained; a drain that ends looks once more. */
  private startDraining(): void {
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
      // Transactions queued after the drain's last look (while it rolled back an unused group, or
      // between its end and this callback) would otherwise wait for a transaction that never comes.
      if (this.queue.length > 0) this.startDraining();
    });
  }

  private async drain(): Promise<void> {
    let opening: Promise<TransactionGroup> | null = null;
    while (this.queue.length > 0) {
      const release = await this.mutex.lock();
      try {
        ({ next: opening } = await this.runGroup(opening));
      } finally {
        release();
      }
    }
    // Only opened while transactions were waiting, so normally null here; never leave it open.
    if (opening)
      await opening.then(
        (group) => group.rollback(),
        () => undefined,
      );
  }

  /** Runs one group; `next` is the following group when it was opened behind this one's commit. */
  private async runGroup(
    opening: Promise<TransactionGroup> | null,
  ): Promise<{ next: Promise<TransactionGroup> | null }> {
    const waiting = this.queue.length;
    let group: TransactionGroup;
    try {
      // Opened behind the previous commit; if that failed, try once more from scratch.
      group = opening ? await opening.catch(() => this.options.openGroup()) : await this.options.openGroup();
    } catch (error) {
      // Could not even begin (the database is locked by another process for too long, or gone):
      // every transaction that was waiting for this group fails; later ones try again.
      for (const pending of this.queue.splice(0, waiting)) pending.reject(error);
      return { next: null };
    }

    // Every waiting transaction is admitted at once (their reads overlap, see group-transaction.ts),
    // and so are those that arrive while the group runs, until it is full.
    const done: { pending: Pending; value: unknown; lastSeq: number }[] = [];
    let admitted = 0;
    let lastEnded: Promise<unknown> = Promise.resolve();
    while (this.queue.length > 0 && admitted < this.maxGroupSize) {
      while (this.queue.length > 0 && admitted < this.maxGroupSize) {
        const pending = this.queue.shift()!;
        admitted++;
        lastEnded = this.inside
          .run(true, () => group.member(pending.fn))
          .then(
            ({ value, lastSeq }) => void done.push({ pending, value, lastSeq }),
            // The member is rolled back alone and hears of its failure now: nothing of it is kept.
            (error: unknown) => pending.reject(error),
          );
      }
      // Members end in the order they were admitted: the last one ending means all have.
      await lastEnded;
    }

    let next: Promise<TransactionGroup> | null = null;
    try {
      // Transactions still waiting (they arrived while this group ran, or it is full): open their
      // group behind this commit, saving a round trip while the write lock is busiest.
      ({ next } = await group.commit(this.queue.length > 0));
    } catch (error) {
      await group.rollback();
      for (const { pending } of done) pending.reject(error);
      return { next: null };
    }
    for (const { pending, value, lastSeq } of done) {
      if (lastSeq > 0) this.options.committed(lastSeq);
      pending.resolve(value);
    }
    return { next };
  }
}
