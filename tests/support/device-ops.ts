import { dealCreatedChange, markDealLost, markDealWon, moveDealToStage, reopenDeal } from '../../domain/deal-lifecycle';
import type { DealMove } from '../../domain/deal-lifecycle';
import type { Result } from '../../domain/errors';
import type { CollectionDocs } from '../../domain/collections';
import type { Pipeline } from '../../domain/schemas/pipeline';
import { compareHlc } from '../../domain/hlc';
import { insertRecord, updateRecord } from '../../renderer/db/record-writes';
import type { Workspace } from '../../renderer/db/workspace';
import { PIPELINE, callBody, contactBody, dealBody } from './record-bodies';

/** The collections a simulated device opens (5 of the 13 RxDB allows per worker). */
export const DEVICE_COLLECTIONS = ['pipelines', 'contacts', 'deals', 'activities', 'stage_changes'] as const;
export type DeviceCollection = (typeof DEVICE_COLLECTIONS)[number];
/** Records a user edits field by field (stage changes are history; the pipeline is fixed here). */
export type EditableCollection = 'contacts' | 'deals' | 'activities';

type Patch = Record<string, unknown>;

/**
 * One user action on one device, fully resolved (ids, values), so that the same scenario replays the
 * same actions. Each mirrors what the app's screens do through renderer/db/record-writes and the
 * domain's deal lifecycle; an action the UI would refuse (a stage move of a closed deal, a record
 * the device has not received yet) is skipped and reported as such.
 */
export type DeviceOp =
  | { kind: 'createContact'; id: string; patch: Patch }
  | { kind: 'createDeal'; id: string; stageChangeId: string; patch: Patch }
  | { kind: 'logCall'; id: string; patch: Patch }
  | { kind: 'edit'; collection: EditableCollection; id: string; patch: Patch }
  | { kind: 'softDelete' | 'restore'; collection: EditableCollection; id: string }
  | { kind: 'moveStage'; id: string; stageId: string; stageChangeId: string }
  | { kind: 'win' | 'reopen'; id: string; stageChangeId: string }
  | { kind: 'lose'; id: string; reason: string; stageChangeId: string };

/** One field a user action wrote, with the clock it was stamped with. */
export interface FieldEdit {
  collection: DeviceCollection;
  id: string;
  field: string;
  value: unknown;
  hlc: string;
  /** The field's clock on this device when the user edited it: the edit this one replaced knowingly. */
  base: string;
}

/** A record a user action created (its creation clock and first body). */
export interface CreatedRecord {
  collection: DeviceCollection;
  id: string;
  hlc: string;
  body: Record<string, unknown>;
}

export interface OpOutcome {
  applied: boolean;
  /** Why an action was skipped (the UI would not have offered it). */
  skipped?: string;
  edits: FieldEdit[];
  created: CreatedRecord[];
  /**
   * Set when the edit's clock is not after the version of the record it changed: the device's clock
   * had not absorbed a clock it had already seen, so a later edit could lose to an earlier one.
   */
  causality?: string;
}

const skipped = (why: string): OpOutcome => ({ applied: false, skipped: why, edits: [], created: [] });

function editsOf(
  collection: DeviceCollection,
  doc: CollectionDocs[DeviceCollection],
  patch: Patch,
  before: { clocks?: Record<string, string> },
): FieldEdit[] {
  const clocks = doc.clocks;
  const body = doc as unknown as Record<string, unknown>;
  return Object.keys(patch)
    .filter((field) => clocks[field] === doc.hlc)
    .map((field) => ({
      collection,
      id: doc.id,
      field,
      value: body[field],
      hlc: doc.hlc,
      base: before.clocks?.[field] ?? '',
    }));
}

function createdOf(collection: DeviceCollection, doc: CollectionDocs[DeviceCollection]): CreatedRecord {
  return { collection, id: doc.id, hlc: doc.hlc, body: { ...(doc as unknown as Record<string, unknown>) } };
}

async function update(
  ws: Workspace,
  collection: EditableCollection,
  before: { id: string; hlc: string; clocks?: Record<string, string> },
  patch: Patch,
): Promise<OpOutcome> {
  const { id } = before;
  const doc = await updateRecord(ws, collection, id, patch as never);
  if (!doc) return skipped('no change');
  const outcome: OpOutcome = { applied: true, edits: editsOf(collection, doc, patch, before), created: [] };
  // The HLC promise (domain/hlc.ts): an edit made after seeing a version sorts after it.
  if (compareHlc(doc.hlc, before.hlc) <= 0) {
    outcome.causality = `${collection}/${id}: edit stamped ${doc.hlc}, not after the version it changed (${before.hlc})`;
  }
  return outcome;
}

/** Apply a deal move the way DealStatusBar / the board do: patch the deal, then append the history. */
async function applyMove(
  ws: Workspace,
  deal: CollectionDocs['deals'],
  move: Result<DealMove | null>,
  stageChangeId: string,
): Promise<OpOutcome> {
  if (!move.ok) return skipped(move.errors.map((e) => e.code).join(','));
  if (!move.value) return skipped('no change');
  const outcome = await update(ws, 'deals', deal, move.value.patch as Patch);
  if (!outcome.applied) return outcome;
  if (move.value.change) {
    const change = await insertRecord(ws, 'stage_changes', move.value.change, stageChangeId);
    outcome.created.push(createdOf('stage_changes', change));
  }
  return outcome;
}

export async function applyDeviceOp(ws: Workspace, op: DeviceOp): Promise<OpOutcome> {
  const at = new Date().toISOString();
  const by = ws.user.id;
  switch (op.kind) {
    case 'createContact': {
      const doc = await insertRecord(ws, 'contacts', contactBody(op.patch as never), op.id);
      return { applied: true, edits: [], created: [createdOf('contacts', doc)] };
    }
    case 'createDeal': {
      // DealDrawer: the new deal, then its first history entry ("created in stage X").
      const doc = await insertRecord(ws, 'deals', dealBody({ stageEnteredAt: at, ...op.patch } as never), op.id);
      const change = await insertRecord(ws, 'stage_changes', dealCreatedChange(doc, at, by), op.stageChangeId);
      return { applied: true, edits: [], created: [createdOf('deals', doc), createdOf('stage_changes', change)] };
    }
    case 'logCall': {
      const dealId = String(op.patch.dealId ?? '');
      const doc = await insertRecord(
        ws,
        'activities',
        callBody(dealId, { completedAt: at, ...op.patch } as never),
        op.id,
      );
      return { applied: true, edits: [], created: [createdOf('activities', doc)] };
    }
    case 'edit':
    case 'softDelete':
    case 'restore': {
      const current = await ws.db[op.collection].findOne(op.id).exec();
      if (!current) return skipped('not on this device yet');
      const before = current.toJSON() as {
        id: string;
        hlc: string;
        clocks: Record<string, string>;
        deletedAt: string | null;
      };
      if (op.kind === 'edit') return update(ws, op.collection, before, op.patch);
      // softDeleteRecord / restoreRecord of record-writes: deletedAt set to now, or back to null.
      if ((op.kind === 'softDelete') === (before.deletedAt !== null)) return skipped('no change');
      return update(ws, op.collection, before, { deletedAt: op.kind === 'softDelete' ? at : null });
    }
    case 'moveStage':
    case 'win':
    case 'lose':
    case 'reopen': {
      const found = await ws.db.deals.findOne(op.id).exec();
      if (!found) return skipped('not on this device yet');
      const deal = found.toJSON() as CollectionDocs['deals'];
      const pipeline = PIPELINE as unknown as Pipeline;
      const move =
        op.kind === 'moveStage'
          ? moveDealToStage(deal, pipeline, op.stageId, at, by)
          : op.kind === 'win'
            ? markDealWon(deal, at, by)
            : op.kind === 'lose'
              ? markDealLost(deal, op.reason, at, by)
              : reopenDeal(deal, at, by);
      return applyMove(ws, deal, move, op.stageChangeId);
    }
  }
}

/** Put the workspace's pipeline in place (fixed id, so every device that does it writes one record). */
export async function ensurePipeline(ws: Workspace): Promise<CreatedRecord | null> {
  const { id, ...body } = PIPELINE;
  if (await ws.db.pipelines.findOne(id).exec()) return null;
  const doc = await insertRecord(ws, 'pipelines', body, id);
  return createdOf('pipelines', doc);
}

/** A compact one-line description of an action, for failure traces. */
export function describeOp(op: DeviceOp): string {
  const short = (id: string) => id.slice(-4);
  switch (op.kind) {
    case 'createContact':
    case 'createDeal':
    case 'logCall':
      return `${op.kind} ${short(op.id)}`;
    case 'edit':
      return `edit ${op.collection}/${short(op.id)} ${Object.keys(op.patch).join(',')}`;
    case 'softDelete':
    case 'restore':
      return `${op.kind} ${op.collection}/${short(op.id)}`;
    case 'moveStage':
      return `moveStage deals/${short(op.id)} → ${short(op.stageId)}`;
    case 'lose':
      return `lose deals/${short(op.id)} (${op.reason})`;
    default:
      return `${op.kind} deals/${short(op.id)}`;
  }
}
