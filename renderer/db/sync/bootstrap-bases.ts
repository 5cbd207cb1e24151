import type { CollectionName } from '@domain/collections';
import type { SyncDocument } from '@domain/sync-protocol';
import type { OutpostDatabase } from '../database';
import { BASE_HLC_META } from './bootstrap';

/** Forgotten all at once past this many: a base is needed only between a push and its answer. */
const MAX_BASES = 10_000;

/**
 * The hlc of the server version a pushed document was bootstrapped from, for documents pushed
 * without an assumed master state (bootstrap.ts): the conflict merge takes it as the base.
 */
export class BootstrapBases {
  private readonly bases = new Map<string, string>();

  /** The base of `collection/id` pushed at `hlc`, or null (a record created on this device). */
  get(collection: CollectionName, id: string, hlc: string): string | null {
    return this.bases.get(`${collection}/${id}@${hlc}`) ?? null;
  }

  /**
   * A push without an assumed master state is of a record created here — or of one bootstrapped
   * and edited before the replication stored its meta: for those, look up the hlc they were pulled
   * at.
   */
  async note(
    db: OutpostDatabase,
    collection: CollectionName,
    rows: readonly { newDocumentState: SyncDocument; assumedMasterState: SyncDocument | null }[],
  ): Promise<void> {
    const unassumed = rows.filter((r) => !r.assumedMasterState).map((r) => r.newDocumentState);
    if (!unassumed.length) return;
    if (this.bases.size > MAX_BASES) this.bases.clear();
    const stored = (await db[collection].storageInstance.findDocumentsById(
      unassumed.map((d) => d.id),
      true,
    )) as unknown as { id: string; _meta: Record<string, unknown> }[];
    const bases = new Map(stored.map((doc) => [doc.id, doc._meta[BASE_HLC_META]]));
    for (const doc of unassumed) {
      // Kept through local edits (RxDB merges `_meta` on every update): keyed by the pushed version.
      const base = bases.get(doc.id);
      if (typeof base === 'string') this.bases.set(`${collection}/${doc.id}@${doc.hlc}`, base);
    }
  }
}
