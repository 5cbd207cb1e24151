import type { Migration } from './collection-definition';
import { COLLECTION_DEFINITIONS, type CollectionName } from './collections';

export type { Migration };

/**
 * Each collection's migrations (its definition's `migrations`), keyed by the version a function
 * migrates *to*. The same functions run in the client (RxDB migrationStrategies) and on the server
 * (for pushes from a device that has not updated yet), so both always hold records of one shape.
 */
export const MIGRATIONS = Object.fromEntries(COLLECTION_DEFINITIONS.map((d) => [d.name, d.migrations])) as {
  readonly [K in CollectionName]: Readonly<Record<number, Migration>>;
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
