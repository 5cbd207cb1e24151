import type { DomainError } from './errors';
import type { Action, Actor, Reach } from './permissions';
import type { CollectionSchema } from './schemas/json-schema';
import type { RecordBase } from './schemas/record';
import type { Role } from './schemas/user-profile';
import type { WriteLookups } from './write-rules';

/**
 * How a record written under an older schema version becomes one of the next version. The same
 * functions run in the client (RxDB migrationStrategies) and on the server (for pushes from a
 * device that has not updated yet), so both always hold records of one shape. Pure and total.
 */
export type Migration = (oldDoc: Record<string, unknown>) => Record<string, unknown>;

/** A new version that only changes indexes: the records themselves stay as they are. */
export const sameRecord: Migration = (doc) => doc;

/** What each role may do to a collection's records (domain/permissions.ts); anything unlisted is denied. */
export type CollectionPermissions = { readonly [R in Role]: { readonly [A in Action]?: Reach } };

/** Every action reaching the same records. */
export function manage(reach: Reach): { readonly [A in Action]: Reach } {
  return { read: reach, create: reach, update: reach, delete: reach, reassign: reach, convert: reach, close: reach };
}

/** Everyone reads every record and changes none. */
export const READ_EVERYTHING: { readonly read: Reach } = { read: 'all' };

/** One more permission a write needs beyond create/update/delete/reassign, and what to say if it is missing. */
export interface ExtraPermission {
  action: Action;
  why: string;
}

/** A field of the record type, as a name. */
type FieldOf<D> = keyof D & string;

/**
 * Everything the code knows about one replicated collection, in one object. Every consumer — the
 * write rules, merges and edits, migrations, the server's push and its stores, the removal stub,
 * the conflict log, the permissions — reads the registry of these (domain/collections.ts), never a
 * list or a switch of its own, so a collection is added with one file and one line there
 * (docs/adr/0023-collection-definitions.md). `D` is the record type derived from `schema`.
 */
export interface CollectionDefinition<N extends string = string, D extends RecordBase = RecordBase> {
  /** The RxDB collection name and the `:collection` of the sync endpoints. */
  readonly name: N;
  /**
   * The RxDB schema. RxDB hashes it: a change without a version bump (and a migration to it)
   * stops every device that stored the old one, so its JSON is pinned by a unit test.
   */
  readonly schema: CollectionSchema;
  /** Keyed by the version a function migrates *to*: one for every version from 1 to `schema.version`. */
  readonly migrations: Readonly<Record<number, Migration>>;
  /** Written once and never edited (history): never in conflict, never restored from the conflict log. */
  readonly appendOnly: boolean;
  /** A device may remove its records outright (`_deleted`); the others are archived with `deletedAt`. */
  readonly hardDeletable: boolean;
  /**
   * The fields that hold the record's owner and team as access sees them — the stores' `owner_id`
   * and `team_id` columns, which pulls filter on. null: the record has none ('' in the store).
   */
  readonly accessKeys: { readonly owner: FieldOf<D> | null; readonly team: FieldOf<D> | null };
  /** The role × action row of this collection in the permission table. */
  readonly permissions: CollectionPermissions;
  /**
   * Permissions a write needs besides the generic ones: converting a lead, closing a deal
   * (`before` null for a new record).
   */
  extraPermissions?(before: D | null, after: D): readonly ExtraPermission[];
  /**
   * Replaces the generic ownership checks of a write where the collection's records are not owned
   * like the others (user profiles). `denied` builds the refusal in the permission table's words.
   */
  authorize?(
    actor: Actor,
    before: D | null,
    after: D,
    denied: (action: Action, why: string) => DomainError,
  ): readonly DomainError[];
  /**
   * Fields computed from others, never edited nor merged alone (index keys such as `nameKey`), and
   * the function that computes them after every create, edit and merge.
   */
  readonly derivedFields?: readonly FieldOf<D>[];
  deriveFields?(doc: D): D;
  /** The collection's own rules for a write (state machines, invariants), after the common ones. */
  checkWrite?(before: D | null, after: D, lookups: WriteLookups): readonly DomainError[];
  /**
   * Whether `checkWrite` looks up the record's pipeline (WriteLookups.pipeline): the server then
   * judges a new record inside the write transaction, with pipelines loaded, instead of on a
   * decoder thread.
   */
  readonly writeReadsPipelines?: boolean;
  /**
   * Time fields beyond createdAt/updatedAt/deletedAt: `stamped` by the device (from 1970 to now,
   * give or take the clock skew allowed), or `typed` by a person (a date up to 50 years ahead).
   */
  readonly timeFields?: { readonly stamped?: readonly FieldOf<D>[]; readonly typed?: readonly FieldOf<D>[] };
  /**
   * Fields whose value follows a state machine or a structure (stage, status, role…): a lost edit
   * of one is restored by redoing the action, never by writing the value back (restorable-fields.ts).
   */
  readonly governedFields?: readonly FieldOf<D>[];
}

/** A definition of any collection, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCollectionDefinition = CollectionDefinition<string, any>;

/** The record type of a definition. */
export type RecordOfDefinition<Def> = Def extends CollectionDefinition<string, infer D> ? D : never;
