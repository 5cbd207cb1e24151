import { APPEND_ONLY_COLLECTIONS, type CollectionDocs, type CollectionName } from '@domain/collections';
import { checkClockDrift } from '@domain/hlc';
import { isUuid } from '@domain/ids';
import type { Pipeline } from '@domain/schemas/pipeline';
import type { PushRejection, PushResponse, PushRow, SyncDocument } from '@domain/sync-protocol';
import { accessKeysOf, authorizeWrite, can, type Actor } from '@domain/permissions';
import { checkRecordWrite } from '@domain/write-rules';
import type { RecordWrite, Store, StoredRecord } from '../store/store';
import type { RecordValidator } from './record-validator';

export interface PushDependencies {
  store: Store;
  validator: RecordValidator;
  now: () => number;
}

/** Who pushes: every row is authorized for this user (domain/permissions). */
export type PushActor = Actor;

/** Collections whose records a device may remove outright (its own saved views); the rest soft-delete. */
const HARD_DELETABLE: ReadonlySet<CollectionName> = new Set(['saved_views']);

export function toSyncDocument<C extends CollectionName>(record: StoredRecord): SyncDocument<C> {
  return { ...(record.body as unknown as CollectionDocs[C]), _deleted: record.deleted };
}

/** The stored body: the document without RxDB's own fields (`_deleted`, `_meta`, `_rev`, `_attachments`). */
function bodyOf(doc: Record<string, unknown>): Record<string, unknown> {
  // A rest copy, not `delete`: deleting turns the copy into a slow dictionary object, which
  // JSON.stringify (run on every stored body) serializes markedly slower.
  const { _deleted, _meta, _rev, _attachments, ...body } = doc;
  void [_deleted, _meta, _rev, _attachments];
  return body;
}

function sameVersion(record: StoredRecord, doc: { hlc?: unknown; _deleted?: unknown } | null): boolean {
  return !!doc && record.hlc === doc.hlc && record.deleted === !!doc._deleted;
}

type Static = { row: PushRow; id: string } & (
  | { ok: true; body: Record<string, unknown>; bodyText: string }
  | { ok: false; code: PushRejection['code']; message: string }
);

/** Checks that need nothing but the row: shape, schema, clock. Done outside the write lock. */
function checkRow(deps: PushDependencies, collection: CollectionName, row: PushRow): Static {
  const doc = row?.newDocumentState as unknown as Record<string, unknown> | undefined;
  const id = typeof doc?.id === 'string' ? doc.id : '';
  if (!isUuid(id)) return { row, id, ok: false, code: 'schema.invalid', message: 'the document needs a UUID id' };
  const assumed = row.assumedMasterState as unknown as Record<string, unknown> | null;
  if (assumed && assumed.id !== id) {
    return { row, id, ok: false, code: 'record.idMismatch', message: 'the assumed state is of another record' };
  }
  const invalid = deps.validator.validate(collection, doc);
  if (invalid)
    return { row, id, ok: false, code: 'schema.invalid', message: `invalid ${collection} record: ${invalid}` };
  const drift = checkClockDrift(String(doc!.hlc), deps.now());
  if (drift !== null) {
    return {
      row,
      id,
      ok: false,
      code: 'record.clockAhead',
      message: `the device clock is ${Math.round(drift / 60_000)} min ahead of the server; fix the device's date and time`,
    };
  }
  // The stored body and its text, ready before the write lock is taken: serializing a batch is a
  // good part of a push's cost, and the lock serializes every writer of the store.
  const body = bodyOf(doc!);
  return { row, id, ok: true, body, bodyText: JSON.stringify(body) };
}

/**
 * Apply one push batch of one collection. Every row gets exactly one answer: written, a replay of
 * what is already stored (success), a conflict (the server's state, for the device to merge), or a
 * rejection with the reason (nothing of it written). One bad row never fails the batch (trap 6).
 */
export async function applyPush<C extends CollectionName>(
  deps: PushDependencies,
  actor: PushActor,
  collection: C,
  rows: readonly PushRow<C>[],
): Promise<PushResponse<C>> {
  const checked = rows.map((row) => checkRow(deps, collection, row as PushRow));
  const conflicts: SyncDocument<C>[] = [];
  const rejected: PushRejection<C>[] = [];

  await deps.store.transaction(async (tx) => {
    const ids = [...new Set(checked.map((c) => c.id).filter(isUuid))];
    const current = await tx.getRecords(collection, ids);
    const pipelines = collection === 'deals' ? await loadPipelines(tx, checked) : new Map<string, Pipeline>();
    const writes = new Map<string, RecordWrite>();

    const reject = (
      id: string,
      code: PushRejection['code'],
      message: string,
      params?: Record<string, string | number>,
    ) => {
      const stored = current.get(id);
      // The device reverts to the server's state, but only to a state its user may see: a record
      // that left their sight goes back as a removal (master null), never as its new contents.
      const visible = stored && can(actor, 'read', collection, stored.body);
      rejected.push({
        id,
        code,
        message,
        ...(params ? { params } : {}),
        master: visible ? toSyncDocument<C>(stored) : null,
      });
    };

    for (const item of checked) {
      if (!item.ok) {
        reject(item.id, item.code, item.message);
        continue;
      }
      const doc = item.row.newDocumentState as unknown as Record<string, unknown>;
      const assumed = item.row.assumedMasterState as unknown as Record<string, unknown> | null;
      const stored = current.get(item.id);
      // A replay of a push whose answer was lost: already applied, so a success (trap 4).
      if (stored && sameVersion(stored, doc as never)) continue;
      // Removing what the server never had (a refused create being reverted): nothing to do.
      if (!stored && doc._deleted) continue;
      // A record this user may not see (reassigned away while the device was offline, or an id
      // they should not know): refused without a word of its contents, conflict or not.
      if (stored && !can(actor, 'read', collection, stored.body)) {
        reject(item.id, 'permission.denied', `you can no longer see this ${collection} record: it was not changed`, {
          action: 'read',
          collection,
        });
        continue;
      }
      // The device edited a state that is no longer the server's: send the server's to merge.
      if (stored && !sameVersion(stored, assumed as never)) {
        conflicts.push(toSyncDocument<C>(stored));
        continue;
      }
      if (doc._deleted && !HARD_DELETABLE.has(collection)) {
        reject(item.id, 'record.hardDeleteForbidden', `${collection} records are archived, not removed`);
        continue;
      }
      const { body, bodyText } = item;
      if (!doc._deleted) {
        if (stored?.deleted) {
          reject(item.id, 'record.appendOnly', 'this record was removed and cannot be edited');
          continue;
        }
        const errors = checkRecordWrite(
          collection,
          (stored?.body as CollectionDocs[C] | undefined) ?? null,
          body as unknown as CollectionDocs[C],
          { pipeline: (id) => pipelines.get(id) },
        );
        if (errors.length) {
          const [first] = errors;
          reject(item.id, first!.code, errors.map((e) => e.message).join('; '), first!.params);
          continue;
        }
      }
      // After the record's own rules, so an edit of an append-only record says so, whoever sends it.
      const denied = doc._deleted
        ? stored && !can(actor, 'delete', collection, stored.body)
          ? [`you may not delete this ${collection} record`]
          : []
        : authorizeWrite(
            actor,
            collection,
            (stored?.body as CollectionDocs[C] | undefined) ?? null,
            body as unknown as CollectionDocs[C],
          ).map((e) => e.message);
      if (denied.length) {
        reject(item.id, 'permission.denied', denied.join('; '), { collection });
        continue;
      }
      const keys = accessKeysOf(collection, body);
      const write: RecordWrite = {
        collection,
        id: item.id,
        hlc: String(doc.hlc),
        deleted: !!doc._deleted,
        ownerId: keys.ownerId,
        teamId: keys.teamId,
        body,
        bodyText,
        // A new owner or team: log who saw it until now, so their devices receive a removal.
        ...(stored && (stored.ownerId !== keys.ownerId || stored.teamId !== keys.teamId)
          ? {
              previousAccess: {
                ownerId: stored.ownerId,
                teamId: stored.teamId,
                hlc: stored.hlc,
                bodyText: JSON.stringify(stored.body),
              },
            }
          : {}),
      };
      writes.set(item.id, write);
      // A second row for the same record in this batch builds on this one.
      current.set(item.id, { ...write, seq: 0 });
    }
    if (writes.size) await tx.putRecords([...writes.values()]);
  });

  return { conflicts, rejected };
}

async function loadPipelines(
  tx: { getRecords: Store['getRecords'] },
  rows: readonly Static[],
): Promise<Map<string, Pipeline>> {
  const ids = new Set<string>();
  for (const row of rows) {
    const pipelineId = (row.row.newDocumentState as unknown as { pipelineId?: unknown })?.pipelineId;
    if (row.ok && typeof pipelineId === 'string' && isUuid(pipelineId)) ids.add(pipelineId);
  }
  const found = await tx.getRecords('pipelines', [...ids]);
  return new Map([...found].filter(([, r]) => !r.deleted).map(([id, r]) => [id, r.body as unknown as Pipeline]));
}

export { APPEND_ONLY_COLLECTIONS };
