import type { RxCollection } from 'rxdb';
import { positionOf, undoDealMove } from '@domain/board-rules';
import type { BulkCollection, BulkPlan } from '@domain/bulk-edits';
import { sameValue } from '@domain/canonical-json';
import type { CollectionDocs } from '@domain/collections';
import type { StageChangeBody } from '@domain/deal-lifecycle';
import { uuidv7 } from '@domain/ids';
import { createRecord, editRecord } from '@domain/record-edits';
import type { Deal } from '@domain/schemas/deal';
import { editContext, type Workspace } from './workspace';

/** Records written per bulk write; between batches the page gets the thread back. */
export const BULK_BATCH_SIZE = 250;

/** What a bulk run wrote, per record: enough for one undo of the whole run. */
export interface BulkRun<C extends BulkCollection> {
  collection: C;
  edits: { id: string; patch: Partial<CollectionDocs[C]>; previous: Partial<CollectionDocs[C]> }[];
}

export interface BulkProgress {
  done: number;
  total: number;
}

type Doc<C extends BulkCollection> = CollectionDocs[C];

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Writes a planned bulk edit (domain/bulk-edits.ts) in batches. Each record's patch is applied to
 * its latest stored version inside RxDB's incremental write, which gathers a batch's writes into
 * one storage write; only the fields that change get the edit's clock, so an edit of another field
 * made meanwhile (here or on another device) survives. Deals that moved get their stage history.
 */
export async function applyBulkPlan<C extends BulkCollection>(
  ws: Workspace,
  collection: C,
  plan: BulkPlan<C>,
  onProgress?: (progress: BulkProgress) => void,
): Promise<BulkRun<C>> {
  const run: BulkRun<C> = { collection, edits: [] };
  const total = plan.edits.length;
  for (let start = 0; start < total; start += BULK_BATCH_SIZE) {
    const batch = plan.edits.slice(start, start + BULK_BATCH_SIZE);
    const written = await patchRecords(
      ws,
      collection,
      batch.map((e) => ({ id: e.id, patch: () => e.patch })),
    );
    const changes = batch.flatMap((e) => (e.stageChange && written.has(e.id) ? [e.stageChange] : []));
    await appendStageChanges(ws, changes);
    for (const edit of batch) {
      if (written.has(edit.id)) run.edits.push({ id: edit.id, patch: edit.patch, previous: edit.previous });
    }
    onProgress?.({ done: Math.min(total, start + batch.length), total });
    if (start + BULK_BATCH_SIZE < total) await nextTask();
  }
  return run;
}

/**
 * One undo for a whole run: each field goes back to its previous value where it still holds what
 * the run wrote; a field someone changed since keeps their value. A deal goes back through the
 * board's undo (domain/board-rules undoDealMove), which records the step back in its history.
 * Returns how many records were put back.
 */
export async function undoBulkRun<C extends BulkCollection>(
  ws: Workspace,
  run: BulkRun<C>,
  onProgress?: (progress: BulkProgress) => void,
): Promise<number> {
  let restored = 0;
  const total = run.edits.length;
  for (let start = 0; start < total; start += BULK_BATCH_SIZE) {
    const batch = run.edits.slice(start, start + BULK_BATCH_SIZE);
    // Keyed by deal: the modify below may run more than once for a record.
    const changes = new Map<string, StageChangeBody>();
    const written = await patchRecords(
      ws,
      run.collection,
      batch.map((edit) => ({
        id: edit.id,
        patch: (current: Doc<C>) => {
          const back = undoPatch(current, edit.patch, edit.previous);
          if (run.collection !== 'deals' || !('stageId' in back || 'status' in back)) return back;
          const deal = current as unknown as Deal;
          const after = positionOf(deal);
          const move = undoDealMove(
            deal,
            { ...after, ...(edit.previous as Partial<Deal>) },
            after,
            new Date().toISOString(),
            ws.user.id,
          );
          if (!move) return {};
          if (move.change) changes.set(edit.id, move.change);
          return { ...back, ...move.patch } as Partial<Doc<C>>;
        },
      })),
    );
    await appendStageChanges(
      ws,
      [...changes.values()].filter((c) => written.has(c.dealId)),
    );
    restored += written.size;
    onProgress?.({ done: Math.min(total, start + batch.length), total });
    if (start + BULK_BATCH_SIZE < total) await nextTask();
  }
  return restored;
}

/** The fields of `patch` that still hold what it wrote, set back to `previous`. */
function undoPatch<D>(current: D, patch: Partial<D>, previous: Partial<D>): Partial<D> {
  const back: Partial<D> = {};
  for (const field of Object.keys(patch) as (keyof D)[]) {
    if (sameValue(current[field], patch[field])) back[field] = previous[field];
  }
  return back;
}

/**
 * Patches many records in one storage write: every `incrementalModify` started in the same tick
 * joins RxDB's incremental write queue, which writes them together and retries a record that
 * changed underneath with its newer version. Returns the ids actually changed.
 */
async function patchRecords<C extends BulkCollection>(
  ws: Workspace,
  collection: C,
  rows: { id: string; patch: (current: Doc<C>) => Partial<Doc<C>> }[],
): Promise<Set<string>> {
  const rxCollection = ws.db[collection] as unknown as RxCollection<Doc<C>>;
  const found = await rxCollection.findByIds(rows.map((r) => r.id)).exec();
  const changed = new Map<string, { hlc: string; bases: Record<string, string> }>();
  await Promise.all(
    rows.map(async ({ id, patch }) => {
      const doc = found.get(id);
      if (!doc) return;
      await doc.incrementalModify((current) => {
        const before = current as Doc<C>;
        const after = editRecord(collection, before, patch(before) as never, editContext(ws));
        if (!after) {
          changed.delete(id);
          return current;
        }
        changed.set(id, { hlc: after.hlc, bases: editBases(before, after) });
        return after as typeof current;
      });
    }),
  );
  for (const [id, { hlc, bases }] of changed) {
    ws.journal.noteEditBases(collection, id, bases);
    ws.journal.notePendingWrite(collection, id, hlc);
  }
  return new Set(changed.keys());
}

/** For each field the edit changed, the clock it had before (as record-writes.ts notes it). */
function editBases(before: Doc<BulkCollection>, after: Doc<BulkCollection>): Record<string, string> {
  const bases: Record<string, string> = {};
  for (const [field, clock] of Object.entries(after.clocks)) {
    if (clock === after.hlc && before.clocks[field] !== clock) bases[field] = before.clocks[field] ?? '';
  }
  return bases;
}

async function appendStageChanges(ws: Workspace, changes: readonly StageChangeBody[]): Promise<void> {
  if (changes.length === 0) return;
  const docs = changes.map((change) => createRecord('stage_changes', uuidv7(), change, editContext(ws)));
  await ws.db.stage_changes.bulkInsert(docs);
  for (const doc of docs) ws.journal.notePendingWrite('stage_changes', doc.id, doc.hlc);
}

/** The selected records as stored now, in the order given (ids this device lacks are left out). */
export async function readBulkRecords<C extends BulkCollection>(
  ws: Workspace,
  collection: C,
  ids: readonly string[],
): Promise<Doc<C>[]> {
  const rxCollection = ws.db[collection] as unknown as RxCollection<Doc<C>>;
  const found = await rxCollection.findByIds([...ids]).exec();
  return ids.flatMap((id) => {
    const doc = found.get(id);
    return doc ? [doc.toJSON() as Doc<C>] : [];
  });
}
