import { sameValue } from '@domain/canonical-json';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import {
  MERGE_REFERENCES,
  undoMergeRepoints,
  type MergeCollection,
  type MergePlan,
  type MergeRelated,
  type MergeRepoint,
} from '@domain/record-merge';
import { readRecord } from './record-reads';
import { restoreRecord, softDeleteRecord, updateRecord } from './record-writes';
import { readReferencingRecords } from './referencing-records';
import type { Workspace } from './workspace';

/** Every record that points at `id` through the references a merge of `collection` moves. */
export async function readMergeRelated(
  ws: Workspace,
  collection: MergeCollection,
  id: string,
): Promise<MergeRelated[]> {
  const found: MergeRelated[] = [];
  for (const { collection: related, field } of MERGE_REFERENCES[collection]) {
    for (const record of await readReferencingRecords(ws, related, field, id)) {
      found.push({ collection: related, record });
    }
  }
  return found;
}

/**
 * Writes a planned merge as ordinary local edits, in an order an interruption leaves harmless: the
 * survivor first, then each reference, and the merged record's soft delete last, so nothing points
 * at a deleted record until everything has moved.
 */
export async function writeMerge<C extends MergeCollection>(ws: Workspace, plan: MergePlan<C>): Promise<void> {
  await updateRecord(ws, plan.collection, plan.survivorId, plan.survivorPatch as never);
  await moveReferences(ws, plan.repoints);
  await softDeleteRecord(ws, plan.collection, plan.mergedId);
}

/**
 * Takes a merge back: the merged record restored first, its references moved back, and the
 * survivor's merged fields as they were — each only where nobody has changed it since the merge,
 * so an edit made after it is kept.
 */
export async function undoMerge<C extends MergeCollection>(ws: Workspace, plan: MergePlan<C>): Promise<void> {
  await restoreRecord(ws, plan.collection, plan.mergedId);
  await moveReferences(ws, undoMergeRepoints(plan));
  const survivor = (await readRecord(ws, plan.collection, plan.survivorId)) as Record<string, unknown> | null;
  if (!survivor) return;
  const merged = plan.survivorPatch as Record<string, unknown>;
  const before = plan.survivorBefore as Record<string, unknown>;
  const revert = Object.fromEntries(
    Object.keys(before)
      .filter((field) => sameValue(survivor[field], merged[field]))
      .map((field) => [field, before[field]]),
  );
  if (Object.keys(revert).length) await updateRecord(ws, plan.collection, plan.survivorId, revert as never);
}

async function moveReferences(ws: Workspace, repoints: readonly MergeRepoint[]): Promise<void> {
  for (const { collection, id, field, from, to } of repoints) {
    const current = (await readRecord(ws, collection, id)) as CollectionDocs[CollectionName] | null;
    if (!current || (current as unknown as Record<string, unknown>)[field] !== from) continue;
    await updateRecord(ws, collection, id, { [field]: to } as never);
  }
}
