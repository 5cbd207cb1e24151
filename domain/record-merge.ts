import { sameValue } from './canonical-json';
import type { CollectionDocs, CollectionName } from './collections';
import { can, type Actor } from './permissions';
import type { RecordBody } from './record-edits';

/** The records two of which a person may merge into one. */
export type MergeCollection = 'contacts' | 'companies';

/** Which of the two records a field's value is taken from. */
export type MergeSide = 'survivor' | 'merged';

type Body<C extends MergeCollection> = RecordBody<C>;
type Field<C extends MergeCollection> = keyof Body<C> & string;

/**
 * The fields a person chooses between, in the order the merge dialog shows them. The team goes
 * with the owner (one choice), tags are the union of both, notes keep both texts.
 */
export const MERGE_FIELDS: { readonly [C in MergeCollection]: readonly Field<C>[] } = {
  contacts: ['firstName', 'lastName', 'email', 'phone', 'mobile', 'title', 'companyId', 'address', 'source', 'ownerId'],
  companies: ['name', 'domain', 'industry', 'size', 'phone', 'website', 'address', 'ownerId'],
};

/** Where other records point at a merged record: each is re-pointed to the survivor. */
export interface MergeReference {
  collection: CollectionName;
  field: string;
}

export const MERGE_REFERENCES: { readonly [C in MergeCollection]: readonly MergeReference[] } = {
  contacts: [
    { collection: 'leads', field: 'contactId' },
    { collection: 'deals', field: 'contactId' },
    { collection: 'activities', field: 'contactId' },
  ],
  companies: [
    { collection: 'contacts', field: 'companyId' },
    { collection: 'deals', field: 'companyId' },
    { collection: 'activities', field: 'companyId' },
  ],
};

/** A body's notes hold at most this many characters (the schema's limit). */
const NOTES_MAX = 20_000;

const isEmpty = (value: unknown): boolean =>
  value === '' ||
  value === null ||
  value === undefined ||
  (typeof value === 'object' && Object.values(value as object).every(isEmpty));

type Choices<C extends MergeCollection> = Record<Field<C>, MergeSide>;

/** The survivor's value of every field, except where it is empty and the merged record's is not. */
export function defaultMergeChoices<C extends MergeCollection>(
  collection: C,
  survivor: CollectionDocs[C],
  merged: CollectionDocs[C],
): Choices<C> {
  const s = survivor as unknown as Record<string, unknown>;
  const m = merged as unknown as Record<string, unknown>;
  const fields = MERGE_FIELDS[collection] as readonly Field<C>[];
  return Object.fromEntries(
    fields.map((f) => [f, isEmpty(s[f]) && !isEmpty(m[f]) ? 'merged' : 'survivor']),
  ) as Choices<C>;
}

/** The fields on which the two records differ (and so a person has something to choose). */
export function differingMergeFields<C extends MergeCollection>(
  collection: C,
  survivor: CollectionDocs[C],
  merged: CollectionDocs[C],
): Field<C>[] {
  const s = survivor as unknown as Record<string, unknown>;
  const m = merged as unknown as Record<string, unknown>;
  return (MERGE_FIELDS[collection] as readonly Field<C>[]).filter((f) => !sameValue(s[f], m[f]));
}

function joinedNotes(a: string, b: string): string {
  if (!b.trim() || a.includes(b)) return a;
  if (!a.trim()) return b;
  return `${a}\n\n${b}`.slice(0, NOTES_MAX);
}

function unionTags(a: readonly string[], b: readonly string[]): string[] {
  const tags = [...a];
  const seen = new Set(a.map((t) => t.toLowerCase()));
  for (const tag of b) {
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags.slice(0, 50);
}

/**
 * What the survivor becomes: each chosen field from its side, the owner's team with the owner, tags
 * of both, notes of both. Written as an ordinary edit of the survivor (domain/record-edits.ts), so
 * a merge converges like any other change.
 */
export function mergedBody<C extends MergeCollection>(
  collection: C,
  survivor: CollectionDocs[C],
  merged: CollectionDocs[C],
  choices: Partial<Choices<C>>,
): Partial<Body<C>> {
  const s = survivor as unknown as Record<string, unknown>;
  const m = merged as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const field of MERGE_FIELDS[collection] as readonly Field<C>[]) {
    if (choices[field] !== 'merged') continue;
    patch[field] = m[field];
    if (field === 'ownerId') patch.teamId = m.teamId;
  }
  patch.tags = unionTags(s.tags as string[], m.tags as string[]);
  patch.notes = joinedNotes(s.notes as string, m.notes as string);
  return patch as Partial<Body<C>>;
}

/**
 * Whether `actor` may merge `merged` into `survivor`: they must be allowed to edit the survivor and
 * to edit and delete the record that disappears. Related records they may not edit block the merge
 * too (the caller checks each with `can(actor, 'update', …)`), since they would keep pointing at a
 * deleted record.
 */
export function canMerge<C extends MergeCollection>(
  actor: Actor,
  collection: C,
  survivor: CollectionDocs[C],
  merged: CollectionDocs[C],
): boolean {
  return (
    survivor.id !== merged.id &&
    can(actor, 'update', collection, survivor) &&
    can(actor, 'update', collection, merged) &&
    can(actor, 'delete', collection, merged)
  );
}

/** A record that points at the merged record, as the merge finds it. */
export interface MergeRelated {
  collection: CollectionName;
  record: { id: string } & object;
}

/** One reference to move: `field` of record `id` in `collection`, from `from` to `to`. */
export interface MergeRepoint {
  collection: CollectionName;
  id: string;
  field: string;
  from: string;
  to: string;
}

/** Everything one merge writes, in order: the survivor's patch, the references, the delete. */
export interface MergePlan<C extends MergeCollection> {
  collection: C;
  survivorId: string;
  mergedId: string;
  survivorPatch: Partial<Body<C>>;
  /** The survivor's values of the patched fields before the merge: what Undo writes back. */
  survivorBefore: Partial<Body<C>>;
  repoints: MergeRepoint[];
}

/**
 * The writes that merge `merged` into `survivor`: the survivor takes `mergedBody`, and every related
 * record whose reference (MERGE_REFERENCES) names the merged record is re-pointed to the survivor.
 * The merged record is then soft-deleted by the caller. Each write is an ordinary field edit, so a
 * merge made offline syncs and converges like any other change.
 */
export function planMerge<C extends MergeCollection>(
  collection: C,
  survivor: CollectionDocs[C],
  merged: CollectionDocs[C],
  choices: Partial<Choices<C>>,
  related: readonly MergeRelated[],
): MergePlan<C> {
  const survivorPatch = mergedBody(collection, survivor, merged, choices);
  const s = survivor as unknown as Record<string, unknown>;
  const survivorBefore = Object.fromEntries(Object.keys(survivorPatch).map((field) => [field, s[field]])) as Partial<
    Body<C>
  >;
  const repoints: MergeRepoint[] = [];
  for (const { collection: relatedCollection, field } of MERGE_REFERENCES[collection]) {
    for (const { collection: c, record } of related) {
      if (c !== relatedCollection) continue;
      if ((record as Record<string, unknown>)[field] !== merged.id) continue;
      repoints.push({ collection: c, id: record.id, field, from: merged.id, to: survivor.id });
    }
  }
  return { collection, survivorId: survivor.id, mergedId: merged.id, survivorPatch, survivorBefore, repoints };
}

/**
 * The writes that take a merge back: the merged record restored, each re-pointed reference moved
 * back (unless someone has pointed it elsewhere since), the survivor's merged fields as they were.
 */
export function undoMergeRepoints(plan: MergePlan<MergeCollection>): MergeRepoint[] {
  return plan.repoints.map((r) => ({ ...r, from: r.to, to: r.from }));
}

/**
 * `canMerge`, and every related record the merge must re-point editable by `actor` too: a related
 * record left behind would point at a deleted record.
 */
export function canMergeWithRelated<C extends MergeCollection>(
  actor: Actor,
  collection: C,
  survivor: CollectionDocs[C],
  merged: CollectionDocs[C],
  related: readonly MergeRelated[],
): boolean {
  return (
    canMerge(actor, collection, survivor, merged) &&
    related.every(({ collection: c, record }) => can(actor, 'update', c, record))
  );
}
