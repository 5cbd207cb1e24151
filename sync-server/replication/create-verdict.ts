import { COLLECTION_DEFINITIONS, type CollectionDocs, type CollectionName } from '@domain/collections';
import { accessKeysOf, authorizeWrite, type Actor } from '@domain/permissions';
import type { PushRejection } from '@domain/sync-protocol';
import { checkRecordWrite, type WriteLookups } from '@domain/write-rules';

/** What a push does with a record the store does not have yet. */
export type CreateVerdict =
  | { ok: true; ownerId: string; teamId: string }
  | { ok: false; code: PushRejection['code']; message: string; params?: Record<string, string | number> };

/**
 * Collections whose rules for a new record need other records of the store (a deal's pipeline:
 * its definition's `writeReadsPipelines`): judged in the write transaction only. The others are
 * judged on the decoder thread too (push-decoding.ts), so the event loop writes a new record
 * without parsing its body.
 */
export const CREATE_NEEDS_STORE: ReadonlySet<CollectionName> = new Set(
  COLLECTION_DEFINITIONS.filter((d) => d.writeReadsPipelines).map((d) => d.name),
);

/**
 * A new record (nothing stored under its id): its own rules first, so an invalid record says so
 * whoever sends it; then whether the actor may create it there; then where it lives (owner, team).
 */
export function judgeCreate<C extends CollectionName>(
  actor: Actor,
  collection: C,
  body: Record<string, unknown>,
  lookups: WriteLookups,
): CreateVerdict {
  const doc = body as unknown as CollectionDocs[C];
  const errors = checkRecordWrite(collection, null, doc, lookups);
  if (errors.length) {
    const [first] = errors;
    return {
      ok: false,
      code: first!.code,
      message: errors.map((e) => e.message).join('; '),
      ...(first!.params ? { params: first!.params } : {}),
    };
  }
  const denied = authorizeWrite(actor, collection, null, doc).map((e) => e.message);
  if (denied.length)
    return { ok: false, code: 'permission.denied', message: denied.join('; '), params: { collection } };
  const keys = accessKeysOf(collection, body);
  return { ok: true, ownerId: keys.ownerId, teamId: keys.teamId };
}
