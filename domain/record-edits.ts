import { DERIVED_FIELD_NAMES, definitionOf, type CollectionDocs, type CollectionName } from './collections';
import { sameValue } from './canonical-json';
import type { RecordBase } from './schemas/record';
import type { IsoDateTime } from './time';

/** Who, when and with which clock an edit is made; the UI and the seed pass it in. */
export interface EditContext {
  userId: string;
  /** A fresh hybrid logical clock value (HybridClock.now()). */
  hlc: string;
  now: IsoDateTime;
}

/** Fields the record system owns: never patched directly, never merged field by field. */
export const SYSTEM_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'hlc',
  'clocks',
  'lostEdits',
  '_deleted',
  '_rev',
  '_meta',
  '_attachments',
]);

/** Fields computed from others (each definition's `derivedFields`): they follow their source, never merge alone. */
export const DERIVED_FIELDS: ReadonlySet<string> = DERIVED_FIELD_NAMES;

/**
 * Index keys are computed from the fields they mirror, by the collection's definition and nowhere
 * else, after every create, edit and merge: a merge that takes `lastName` from one device
 * recomputes `nameKey` from it.
 */
export function withDerivedFields<C extends CollectionName>(collection: C, doc: CollectionDocs[C]): CollectionDocs[C] {
  const derive = definitionOf(collection).deriveFields;
  return derive ? derive(doc) : doc;
}

type DerivedKey = 'nameKey' | 'titleKey';

/** What a caller supplies for a record: everything but the system fields; derived keys are computed. */
export type RecordBody<C extends CollectionName> = Omit<CollectionDocs[C], keyof RecordBase | DerivedKey> &
  Partial<Pick<CollectionDocs[C], Extract<keyof CollectionDocs[C], DerivedKey>>>;
type Body<C extends CollectionName> = RecordBody<C>;

/** A new record: every field at creation shares the record's creation clock (empty `clocks`). */
export function createRecord<C extends CollectionName>(
  collection: C,
  id: string,
  body: Body<C> & Partial<Pick<RecordBase, 'deletedAt'>>,
  ctx: EditContext,
): CollectionDocs[C] {
  const doc = {
    deletedAt: null,
    ...body,
    id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.userId,
    updatedBy: ctx.userId,
    hlc: ctx.hlc,
    clocks: {},
  } as unknown as CollectionDocs[C];
  return withDerivedFields(collection, doc);
}

/**
 * Apply a user's change: each field that really changes is stamped with the edit's clock, so a
 * later merge knows which device wrote it last. Returns null when nothing changes, so no write,
 * no sync traffic and no conflict come from re-saving an untouched form.
 */
export function editRecord<C extends CollectionName>(
  collection: C,
  doc: CollectionDocs[C],
  patch: Partial<Body<C>> & Partial<Pick<RecordBase, 'deletedAt'>>,
  ctx: EditContext,
): CollectionDocs[C] | null {
  const next: Record<string, unknown> = { ...doc };
  const clocks: Record<string, string> = { ...doc.clocks };
  let changed = false;
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined || SYSTEM_FIELDS.has(field) || DERIVED_FIELDS.has(field)) continue;
    if (sameValue((doc as unknown as Record<string, unknown>)[field], value)) continue;
    next[field] = value;
    clocks[field] = ctx.hlc;
    changed = true;
  }
  if (!changed) return null;
  next.clocks = clocks;
  next.hlc = ctx.hlc;
  next.updatedAt = ctx.now;
  next.updatedBy = ctx.userId;
  return withDerivedFields(collection, next as unknown as CollectionDocs[C]);
}

export function softDeleteRecord<C extends CollectionName>(collection: C, doc: CollectionDocs[C], ctx: EditContext) {
  return editRecord(collection, doc, { deletedAt: ctx.now } as never, ctx);
}

export function restoreRecord<C extends CollectionName>(collection: C, doc: CollectionDocs[C], ctx: EditContext) {
  return editRecord(collection, doc, { deletedAt: null } as never, ctx);
}
