import type { CollectionName } from '@domain/collections';
import type { PullResponse } from '@domain/sync-protocol';
import { MAX_RETRY_MS, MIN_RETRY_MS } from './retry-delays';
import { OfflineError, SyncHttpError, type SyncHttp } from './sync-http';
import type { SyncProgressTracker } from './sync-progress';

export interface PullProgressReporterOptions {
  http: SyncHttp;
  progress: SyncProgressTracker;
  /** The replications' pull page: a shorter page means the collection has caught up. */
  pullBatchSize: number;
  stopped(): boolean;
  paused(): boolean;
  /** The tracker changed: show it. */
  changed(): void;
}

export interface PullProgressReporter {
  /**
   * Asks the server how many documents the pulls of `collection` from `from` will send (retried
   * with the pulls' own backoff while it cannot answer). An older server without the count shows
   * what arrives without a total.
   */
  countFrom(collection: CollectionName, from: number): Promise<void>;
  /**
   * A replicated pull page: a page far behind the server's head starts a long pull (counted from
   * where it pulled from), a short one means the collection has caught up.
   */
  reportPulled(collection: CollectionName, from: number, page: PullResponse): void;
}

/** The per-pull bookkeeping of a long sync's progress (sync-progress.ts). */
export function pullProgressReporter(options: PullProgressReporterOptions): PullProgressReporter {
  const { http, progress, pullBatchSize } = options;
  const countFrom = async (collection: CollectionName, from: number) => {
    let wait = MIN_RETRY_MS;
    while (!options.stopped() && progress.isTracking(collection)) {
      try {
        if (options.paused()) throw new OfflineError('sync is paused');
        const { documents } = await http.count(collection, from);
        progress.counted(collection, documents);
        return options.changed();
      } catch (error) {
        if (error instanceof SyncHttpError && error.status === 404) {
          progress.uncountable(collection);
          return options.changed();
        }
        await new Promise((r) => setTimeout(r, options.paused() ? MIN_RETRY_MS : wait));
        wait = Math.min(wait * 2, MAX_RETRY_MS);
      }
    }
  };
  return {
    countFrom,
    reportPulled(collection, from, page) {
      const more = page.documents.length >= pullBatchSize;
      if (!progress.isTracking(collection) && more && page.serverSeq - page.checkpoint.seq > pullBatchSize) {
        progress.expect(collection);
        void countFrom(collection, from);
      }
      progress.received(collection, page.documents.length);
      if (!more) progress.finish(collection);
      options.changed();
    },
  };
}
