import type { RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import { uuidv7 } from '@domain/ids';
import { createRecord, editRecord, type RecordBody } from '@domain/record-edits';
import type { RecordBase } from '@domain/schemas/record';
import { readRecord } from './record-reads';
import { storageWriteErrorOf } from './storage/storage-write-error';
import { editContext, type Workspace } from './workspace';

type Body<C extends CollectionName> = RecordBody<C>;
type Patch<C extends CollectionName> = Partial<Body<C>> & Partial<Pick<RecordBase, 'deletedAt'>>;

/** Every local write goes through here, so every write carries the device's clock and the user. */
export async function insertRecord<C extends CollectionName>(
  ws: Workspace,
  collection: C,
  body: Body<C>,
  id: string = uuidv7(),
): Promise<CollectionDocs[C]> {
  const doc = createRecord(collection, id, body, editContext(ws));
  await ws.db[collection].insert(doc as never);
  ws.journal.notePendingWrite(collection, id, doc.hlc);
  return doc;
}

/**
 * Change some fields of a record. The patch is applied to the latest stored version inside
 * RxDB's incremental write, so two quick edits from different screens never overwrite each other.
 * Returns the new record, or null when nothing changed.
 */
export async function updateRecord<C extends CollectionName>(
  ws: Workspace,
  collection: C,
  id: string,
  patch: Patch<C>,
): Promise<CollectionDocs[C] | null> {
  const rxCollection = ws.db[collection] as unknown as RxCollection<CollectionDocs[C]>;
  const doc = await rxCollection.findOne(id).exec();
  if (!doc) throw new Error(`${collection} ${id} does not exist`);
  // Filled inside RxDB's modify, which may run more than once: the last run is what was written.
  const outcome: { doc: CollectionDocs[C] | null; bases: Record<string, string> } = { doc: null, bases: {} };
  await doc.incrementalModify((current) => {
    const before = current as CollectionDocs[C];
    outcome.doc = editRecord(collection, before, patch as never, editContext(ws));
    outcome.bases = outcome.doc ? editBases(before, outcome.doc) : {};
    return (outcome.doc ?? current) as typeof current;
  });
  if (!outcome.doc) return null;
  ws.journal.noteEditBases(collection, id, outcome.bases);
  ws.journal.notePendingWrite(collection, id, outcome.doc.hlc);
  return outcome.doc;
}

/** For each field the edit changed, the clock it had before: what the user saw when editing it. */
function editBases(before: RecordBase, after: RecordBase): Record<string, string> {
  const bases: Record<string, string> = {};
  for (const [field, clock] of Object.entries(after.clocks)) {
    if (clock === after.hlc && before.clocks[field] !== clock) bases[field] = before.clocks[field] ?? '';
  }
  return bases;
}

/** Soft delete: the record leaves lists but can be restored (undo) and syncs as an edit. */
export function softDeleteRecord<C extends CollectionName>(ws: Workspace, collection: C, id: string) {
  return updateRecord(ws, collection, id, { deletedAt: new Date().toISOString() } as Patch<C>);
}

export function restoreRecord<C extends CollectionName>(ws: Workspace, collection: C, id: string) {
  return updateRecord(ws, collection, id, { deletedAt: null } as Patch<C>);
}

/**
 * Inserts a record under a planned id, or returns the one already stored under it: a retry of an
 * interrupted multi-record write (a lead conversion) finds what the first attempt wrote instead
 * of making twins.
 */
export async function insertRecordOnce<C extends CollectionName>(
  ws: Workspace,
  collection: C,
  planned: { id: string } & Body<C>,
): Promise<CollectionDocs[C]> {
  const { id, ...body } = planned;
  const existing = await readRecord(ws, collection, id);
  if (existing) return existing;
  return insertRecord(ws, collection, body as unknown as Body<C>, id);
}

/** The write context of bulk loads, so that change listeners can tell a load from a person's edit. */
export const BULK_LOAD_CONTEXT = 'outpost-bulk-load';

/**
 * Stores complete records as they are — records made whole elsewhere (the demo workspace), which
 * carry their own clocks and so are not local edits to note in the journal — keeping any record
 * already stored under the same id; returns how many could not be written for another reason.
 * Made for loads of thousands of records at a time: one storage write
 * (one IndexedDB transaction in the storage worker) through the collection's storage instance,
 * without RxDB building a document object and running hooks per record on the page — the records
 * are complete and nobody waits for them as documents. Live queries and replication still see the
 * write through the storage's change stream; the records are pushed like any local write.
 * A refused write throws a StorageWriteError (short, says whether the device ran out of room).
 */
export async function storeCompleteRecords<C extends CollectionName>(
  ws: Workspace,
  collection: C,
  records: readonly CollectionDocs[C][],
): Promise<number> {
  const rows = records.map((record) => ({
    document: { ...record, _deleted: false, _attachments: {}, _rev: '', _meta: { lwt: 0 } },
  }));
  const storage = ws.db[collection].storageInstance;
  try {
    const result = await ws.db.lockedRun(() => storage.bulkWrite(rows as never, BULK_LOAD_CONTEXT));
    return result.error.filter((e) => e.status !== 409).length;
  } catch (error) {
    throw storageWriteErrorOf(error);
  }
}
