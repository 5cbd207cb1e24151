import type { AnyRecord, CollectionName } from '@domain/collections';
import type { HybridClock } from '@domain/hlc';
import { carriedEdits, lostEditsOfNode, ownLostEdits } from '@domain/lost-edits';
import type { FieldOverwrite } from '@domain/merge';
import type { RecordBase } from '@domain/schemas/record';
import type { SyncDocument } from '@domain/sync-protocol';
import type { OutpostDatabase } from '../database';
import type { SyncJournal } from './sync-journal';

/**
 * Edits of this device that another device's merge replaced unseen (domain/lost-edits.ts): read
 * before the pulled versions overwrite them locally, and logged for the user. A version that
 * names an edit of this device whose value it keeps under a later clock: that clock now carries
 * the edit, remembered so that its loss is this device's too.
 */
export async function noticeLostEdits(
  { db, clock, journal }: { db: OutpostDatabase; clock: HybridClock; journal: SyncJournal },
  collection: CollectionName,
  documents: readonly SyncDocument[],
): Promise<void> {
  const named = documents.filter(
    (d) => lostEditsOfNode((d as RecordBase).lostEdits, clock.node, journal.carriedBy(collection, d.id)).length > 0,
  );
  if (!named.length) return;
  const local = (await db[collection].storageInstance.findDocumentsById(
    named.map((d) => d.id),
    false,
  )) as unknown as AnyRecord[];
  const byId = new Map(local.map((doc) => [doc.id, doc]));
  const overwrites: FieldOverwrite[] = [];
  for (const d of named) {
    const localDoc = byId.get(d.id) as never;
    const carriedBy = journal.carriedBy(collection, d.id);
    overwrites.push(...ownLostEdits(collection, localDoc, d as never, clock.node, carriedBy));
    journal.noteCarried(collection, d.id, carriedEdits(localDoc, d as never, clock.node, carriedBy));
  }
  if (overwrites.length) await journal.recordOverwrites(overwrites);
}
