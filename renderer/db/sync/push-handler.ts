import type { CollectionName } from '@domain/collections';
import type { HybridClock } from '@domain/hlc';
import type { SyncDocument } from '@domain/sync-protocol';
import type { OutpostDatabase } from '../database';
import { absorbClocks } from './absorb-clocks';
import type { AcceptedVersions } from './accepted-versions';
import type { BootstrapBases } from './bootstrap-bases';
import { OfflineError, type SyncHttp } from './sync-http';
import type { SyncJournal } from './sync-journal';

export interface PushHandlerOptions {
  db: OutpostDatabase;
  http: SyncHttp;
  clock: HybridClock;
  journal: SyncJournal;
  accepted: AcceptedVersions;
  bootstrapBases: BootstrapBases;
  /** `collection/id@hlc` of every version the server refused (the conflict handler reverts them). */
  rejected: Set<string>;
  paused(): boolean;
  succeeded(): void;
}

/** A replication row as RxDB hands it to a push handler. */
interface PushRowIn {
  newDocumentState: unknown;
  assumedMasterState?: unknown;
}

/**
 * The push handler of one collection's replication: sends the rows, notes what the server
 * accepted, and returns what RxDB must merge — the server's states of conflicts, and the reverts of
 * refused versions (logged in the journal).
 */
export function pushHandler(options: PushHandlerOptions, collection: CollectionName) {
  const { db, http, clock, journal, accepted, bootstrapBases, rejected } = options;
  return async (rows: PushRowIn[]): Promise<never[]> => {
    if (options.paused()) throw new OfflineError('sync is paused');
    const sent = rows.map((r) => ({
      newDocumentState: r.newDocumentState as SyncDocument,
      assumedMasterState: (r.assumedMasterState ?? null) as SyncDocument | null,
    }));
    await bootstrapBases.note(db, collection, sent);
    const result = await http.push(collection, sent, db[collection].schema.version);
    // The server's states come back to be merged: absorb their clocks first, as for pulled
    // documents, so that the merge and every later local edit sort after them. Otherwise the
    // merge stamps a clock its own clock never issued and the next edit can get the same hlc
    // (taken for the synced version, never pushed) or an older one (losing to older edits).
    absorbClocks(clock, [...result.conflicts, ...result.rejected.flatMap((r) => (r.master ? [r.master] : []))]);
    const conflicted = new Set(result.conflicts.map((d) => d.id));
    const refused = new Map(result.rejected.map((r) => [r.id, r]));
    for (const row of sent) {
      const { id, hlc } = row.newDocumentState;
      if (conflicted.has(id) || refused.has(id)) continue;
      journal.notePushed(collection, id, hlc);
      accepted.note(collection, row.newDocumentState, row.assumedMasterState?.hlc ?? null);
    }
    const reverts: SyncDocument[] = [];
    for (const rejection of result.rejected) {
      const row = sent.find((r) => r.newDocumentState.id === rejection.id);
      if (!row) continue;
      rejected.add(`${collection}/${rejection.id}@${row.newDocumentState.hlc}`);
      // Back to the server's state; a refused new record leaves the device (kept in the list).
      reverts.push(rejection.master ?? { ...row.newDocumentState, _deleted: true });
    }
    await journal.recordRejections(
      result.rejected.map((r) => ({
        collection,
        recordId: r.id,
        code: r.code,
        message: r.message,
        ...(r.params ? { params: r.params } : {}),
        attempted: (sent.find((s) => s.newDocumentState.id === r.id)?.newDocumentState ?? {}) as Record<
          string,
          unknown
        >,
      })),
    );
    options.succeeded();
    return [...result.conflicts, ...reverts] as never[];
  };
}
