import type { CollectionName } from './collections';

/**
 * How a record written under an older schema version becomes one of the current version. The
 * same functions run in the client (RxDB migrationStrategies) and on the server (for pushes from a
 * device that has not updated yet), so both always hold records of one shape.
 * Keyed by the version a function migrates *to*; each must be pure and total.
 */
export type Migration = (oldDoc: Record<string, unknown>) => Record<string, unknown>;

/** A new version that only changes indexes: the records themselves stay as they are. */
const sameRecord: Migration = (doc) => doc;

export const MIGRATIONS: { readonly [K in CollectionName]: Readonly<Record<number, Migration>> } = {
  // v1 of companies, contacts, deals, activities, stage_changes: fewer IndexedDB indexes.
  // The next version of every record that merges: the optional `lostEdits` (domain/lost-edits.ts).
  companies: { 1: sameRecord, 2: sameRecord },
  contacts: { 1: sameRecord, 2: sameRecord },
  leads: {
    // v1: leads record when they were qualified, so a conversion made offline can be checked.
    1: (doc) => ({
      ...doc,
      qualifiedAt:
        doc.status === 'QUALIFIED' || doc.status === 'CONVERTED' ? (doc.convertedAt ?? doc.updatedAt ?? null) : null,
    }),
    // v2: leads say what the person wants, which names the deal a conversion makes; nobody has
    // asked the leads written before. (v2 of every record that merges also allows `lostEdits`.)
    2: (doc) => ({ ...doc, interest: typeof doc.interest === 'string' ? doc.interest : '' }),
  },
  deals: { 1: sameRecord, 2: sameRecord },
  activities: { 1: sameRecord, 2: sameRecord },
  pipelines: { 1: sameRecord },
  stage_changes: { 1: sameRecord },
  saved_views: { 1: sameRecord },
  users: { 1: sameRecord },
  settings: { 1: sameRecord },
};

export function migrationStrategiesFor(collection: CollectionName): Record<number, Migration> {
  return { ...MIGRATIONS[collection] };
}

/** Bring a record from `fromVersion` to the latest version by applying each step in order. */
export function migrateRecord(
  collection: CollectionName,
  doc: Record<string, unknown>,
  fromVersion: number,
  toVersion: number,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS[collection],
): Record<string, unknown> {
  let current = doc;
  for (let v = fromVersion + 1; v <= toVersion; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`no migration of ${collection} to version ${v}`);
    current = step(current);
  }
  return current;
}
