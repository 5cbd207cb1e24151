import type { RxConflictHandler } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import { carriedEdits, ownLostEdits, type CarriedBy, type LostEdit } from '@domain/lost-edits';
import { isSameVersion, mergeRecords, type FieldOverwrite } from '@domain/merge';

/** What resolving a conflict needs from the running sync engine. */
export interface ConflictResolver {
  nextHlc(): string;
  /** This device's clock node: lost edits named with it are this device's (domain/lost-edits.ts). */
  readonly node: string;
  /** The server refused this version: revert to the server's state instead of merging. */
  isRejected(collection: CollectionName, id: string, hlc: string): boolean;
  /**
   * For a version pushed without an assumed master state: the hlc of the server version it was
   * bootstrapped from (bootstrap.ts), else null (a record created on this device).
   */
  assumedHlc(collection: CollectionName, id: string, hlc: string): string | null;
  /** The clock a field had before this device's unsynced edit of it (sync-journal.ts). */
  editBase(collection: CollectionName, id: string, field: string): string | undefined;
  /** Other devices' edits that carry this device's edits of the record (sync-journal.ts). */
  carriedBy(collection: CollectionName, id: string): CarriedBy;
  /** The merged version keeps this device's value of a field under another device's later edit. */
  onCarried(collection: CollectionName, id: string, carried: readonly LostEdit[]): void;
  onOverwrites(entries: readonly FieldOverwrite[]): void;
  /** A merged record that differs from the server's: it will be pushed. */
  onMerged(collection: CollectionName, id: string, hlc: string): void;
  /** The local version `hlc` is settled: the server's state stands and nothing is left to push. */
  onSettled(collection: CollectionName, id: string, hlc: string): void;
}

type Doc<C extends CollectionName> = CollectionDocs[C] & { _deleted: boolean };

/**
 * RxDB's conflict handler for one collection: equality by version (cheap: it runs on every write
 * and pull), resolution by the domain's field-level merge. The resolver is looked up late because
 * collections are created before the sync engine that owns the clock and the journal.
 */
export function createConflictHandler<C extends CollectionName>(
  collection: C,
  resolver: () => ConflictResolver | null,
): RxConflictHandler<CollectionDocs[C]> {
  return {
    isEqual: (a, b) => isSameVersion(a as Doc<C>, b as Doc<C>),
    async resolve(input) {
      const mine = input.newDocumentState as Doc<C>;
      const theirs = input.realMasterState as Doc<C>;
      const deps = resolver();
      // Without a running engine (should not happen) the server's state is the safe answer:
      // the local version is still in the push queue's history and the conflict comes back.
      if (!deps) return theirs;
      if (deps.isRejected(collection, mine.id, mine.hlc)) {
        deps.onSettled(collection, mine.id, mine.hlc);
        return theirs;
      }
      const assumed = (input.assumedMasterState as Doc<C> | undefined) ?? null;
      const result = mergeRecords(
        collection,
        mine,
        theirs,
        assumed,
        deps.nextHlc,
        assumed ? null : deps.assumedHlc(collection, mine.id, mine.hlc),
        (field) => deps.editBase(collection, mine.id, field),
      );
      // Also my edits the server's version says another device's merge replaced unseen: the local
      // version still holds them until this merge, as a pull would have (sync-engine.ts).
      const told = new Set(result.overwritten.map((o) => o.field));
      const carriedBy = deps.carriedBy(collection, mine.id);
      const lost = ownLostEdits(collection, mine, result.merged as Doc<C>, deps.node, carriedBy).filter(
        (o) => !told.has(o.field),
      );
      deps.onCarried(collection, mine.id, carriedEdits(mine, result.merged as Doc<C>, deps.node, carriedBy));
      const overwritten = [...result.overwritten, ...lost];
      if (overwritten.length) deps.onOverwrites(overwritten);
      if (result.equalsTheirs) deps.onSettled(collection, mine.id, mine.hlc);
      else deps.onMerged(collection, mine.id, (result.merged as Doc<C>).hlc);
      return result.merged as Doc<C>;
    },
  };
}
