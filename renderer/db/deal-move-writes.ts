import { undoDealMove, type DealPosition } from '@domain/board-rules';
import type { DealMove } from '@domain/deal-lifecycle';
import { uuidv7 } from '@domain/ids';
import type { Deal } from '@domain/schemas/deal';
import { readRecord } from './record-reads';
import { insertRecord, updateRecord } from './record-writes';
import type { Workspace } from './workspace';

/**
 * Writes a move: the deal's new fields and its stage-change record, issued together. RxDB has no
 * transaction across collections, so both writes start in the same tick and the sync journal
 * pushes them side by side; the stage change is append-only and can never conflict.
 */
export async function writeDealMove(ws: Workspace, dealId: string, move: DealMove): Promise<Deal | null> {
  const [updated] = await Promise.all([
    updateRecord(ws, 'deals', dealId, move.patch),
    move.change ? insertRecord(ws, 'stage_changes', move.change, uuidv7()) : null,
  ]);
  return updated;
}

export type UndoOutcome = 'undone' | 'changed' | 'missing';

/** Takes a move back when the deal is still where that move left it (domain/board-rules). */
export async function writeUndo(
  ws: Workspace,
  dealId: string,
  before: DealPosition,
  after: DealPosition,
): Promise<UndoOutcome> {
  const current = await readRecord(ws, 'deals', dealId);
  if (!current) return 'missing';
  const undo = undoDealMove(current, before, after, new Date().toISOString(), ws.user.id);
  if (!undo) return 'changed';
  await writeDealMove(ws, dealId, undo);
  return 'undone';
}
