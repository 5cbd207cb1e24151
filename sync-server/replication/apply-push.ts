import {
  APPEND_ONLY_COLLECTIONS,
  HARD_DELETABLE_COLLECTIONS,
  definitionOf,
  type CollectionDocs,
  type CollectionName,
} from '@domain/collections';
import { isUuid } from '@domain/ids';
import type { Pipeline } from '@domain/schemas/pipeline';
import type { PushRejection, PushResponse, SyncDocument } from '@domain/sync-protocol';
import { accessKeysOf, authorizeWrite, can, reachOf, type Actor } from '@domain/permissions';
import { removalStub } from '@domain/removal-stub';
import { checkRecordWrite, type WriteLookups } from '@domain/write-rules';
import { withSeq } from '../store/record-writes';
import type { RecordWrite, Store, StoredRecord } from '../store/store';
import { judgeCreate } from './create-verdict';
import type { DecodedRow, RowVersion } from './push-decoding';

/** Who pushes: every row is authorized for this user (domain/permissions). */
export type PushActor = Actor;

/**
 * A stored record as a device receives it. A removal goes out as a stub (domain/removal-stub.ts):
 * the body of a removed record is whatever the removing device sent, and a device needs only the
 * id and version to drop its copy.
 */
export function toSyncDocument<C extends CollectionName>(record: StoredRecord): SyncDocument<C> {
  if (record.deleted) return removalStub(record.collection as C, record.id, record.hlc);
  return { ...(record.body as unknown as CollectionDocs[C]), _deleted: false };
}

function sameVersion(record: StoredRecord, version: RowVersion | null): boolean {
  return !!version && record.hlc === version.hlc && record.deleted === version.deleted;
}

/** A decoded row with its body parsed on first use (conflicts and replays never need it). */
class Row {
  private parsed: Record<string, unknown> | undefined;
  constructor(readonly decoded: Extract<DecodedRow, { ok: true }>) {}
  get body(): Record<string, unknown> {
    return (this.parsed ??= JSON.parse(this.decoded.bodyText) as Record<string, unknown>);
  }
}

/**
 * Apply one push batch of one collection, decoded (push-decoding.ts). Every row gets exactly one
 * answer: written, a replay of what is already stored (success), a conflict (the server's state,
 * for the device to merge), or a rejection with the reason (nothing of it written). One bad row
 * never fails the batch (docs/sync-pitfalls.md, pitfall 6).
 */
export async function applyPush<C extends CollectionName>(
  store: Store,
  actor: PushActor,
  collection: C,
  decoded: readonly DecodedRow[],
  nowMs: number,
): Promise<PushResponse<C>> {
  const conflicts: SyncDocument<C>[] = [];
  const rejected: PushRejection<C>[] = [];

  await store.transaction(async (tx) => {
    const rows = decoded.map((row) => (row.ok ? new Row(row) : row));
    const ids = [...new Set(decoded.map((row) => row.id).filter(isUuid))];
    const current = await tx.getRecords(collection, ids);
    const pipelines = definitionOf(collection).writeReadsPipelines
      ? await loadPipelines(tx, rows)
      : new Map<string, Pipeline>();
    const writes = new Map<string, RecordWrite>();
    const lookups: WriteLookups = {
      pipeline: (pipelineId) => pipelines.get(pipelineId),
      nowMs,
      // Whoever may make pipelines may have made this one offline, in a push still on its way;
      // everyone else only has the pipelines the server sent them.
      pipelineMayBePending: reachOf(actor, 'pipelines', 'create') !== 'none',
    };

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

    for (const row of rows) {
      if (!(row instanceof Row)) {
        reject(row.id, row.code, row.message);
        continue;
      }
      const { id, hlc, deleted, assumed, bodyText } = row.decoded;
      const stored = current.get(id);
      // A replay of a push whose answer was lost: already applied, so a success (docs/sync-pitfalls.md, pitfall 4).
      if (stored && sameVersion(stored, { hlc, deleted })) continue;
      // Removing what the server never had (a refused create being reverted): nothing to do.
      if (!stored && deleted) continue;
      // A record this user may not see (reassigned away while the device was offline, or an id
      // they should not know): refused without a word of its contents, conflict or not.
      if (stored && !can(actor, 'read', collection, stored.body)) {
        reject(id, 'permission.denied', `you can no longer see this ${collection} record: it was not changed`, {
          action: 'read',
          collection,
        });
        continue;
      }
      // The device edited a state that is no longer the server's: send the server's to merge.
      if (stored && !sameVersion(stored, assumed)) {
        conflicts.push(toSyncDocument<C>(stored));
        continue;
      }
      if (deleted && !HARD_DELETABLE_COLLECTIONS.has(collection)) {
        reject(id, 'record.hardDeleteForbidden', `${collection} records are archived, not removed`);
        continue;
      }
      let keys: { ownerId: string; teamId: string };
      /** Parsed only when a rule needs it: a create judged on the decoder thread does not. */
      let body: Record<string, unknown> | undefined;
      if (!stored) {
        // A new record (a removal of one was skipped above): judged by the decoder thread unless
        // its rules need the store (create-verdict.ts); the same judgment either way.
        const verdict = row.decoded.create ?? judgeCreate(actor, collection, row.body, lookups);
        if (!verdict.ok) {
          reject(id, verdict.code, verdict.message, verdict.params);
          continue;
        }
        keys = verdict;
      } else {
        body = row.body;
        if (!deleted) {
          if (stored.deleted) {
            reject(id, 'record.appendOnly', 'this record was removed and cannot be edited');
            continue;
          }
          const errors = checkRecordWrite(
            collection,
            stored.body as unknown as CollectionDocs[C],
            body as unknown as CollectionDocs[C],
            lookups,
          );
          if (errors.length) {
            const [first] = errors;
            reject(id, first!.code, errors.map((e) => e.message).join('; '), first!.params);
            continue;
          }
        }
        // After the record's own rules, so an edit of an append-only record says so, whoever sends it.
        const denied = deleted
          ? can(actor, 'delete', collection, stored.body)
            ? []
            : [`you may not delete this ${collection} record`]
          : authorizeWrite(
              actor,
              collection,
              stored.body as unknown as CollectionDocs[C],
              body as unknown as CollectionDocs[C],
            ).map((e) => e.message);
        if (denied.length) {
          reject(id, 'permission.denied', denied.join('; '), { collection });
          continue;
        }
        keys = accessKeysOf(collection, body);
      }
      const write: RecordWrite = {
        collection,
        id,
        hlc,
        deleted,
        ownerId: keys.ownerId,
        teamId: keys.teamId,
        ...(body ? { body } : {}),
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
      writes.set(id, write);
      // A second row for the same record in this batch builds on this one.
      current.set(id, withSeq(write, 0));
    }
    if (writes.size) await tx.putRecords([...writes.values()]);
  });

  return { conflicts, rejected };
}

async function loadPipelines(
  tx: { getRecords: Store['getRecords'] },
  rows: readonly (Row | DecodedRow)[],
): Promise<Map<string, Pipeline>> {
  const ids = new Set<string>();
  for (const row of rows) {
    const pipelineId = row instanceof Row ? row.body.pipelineId : undefined;
    if (typeof pipelineId === 'string' && isUuid(pipelineId)) ids.add(pipelineId);
  }
  const found = await tx.getRecords('pipelines', [...ids]);
  return new Map([...found].filter(([, r]) => !r.deleted).map(([id, r]) => [id, r.body as unknown as Pipeline]));
}

export { APPEND_ONLY_COLLECTIONS };
