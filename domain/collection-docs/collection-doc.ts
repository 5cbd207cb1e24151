import type { CollectionDocs, CollectionName } from '../collections';

/**
 * The hand-written part of a collection's API reference (docs/api.md, `npm run docs:api`): what the
 * schema cannot say. The field table's types, formats and limits come from the JSON schema itself.
 */
export interface CollectionDoc<C extends CollectionName = CollectionName> {
  /** What one record of the collection is, in a sentence or two. */
  summary: string;
  /**
   * One line per field, keyed by its path: `name`, `address.city` for a field of a nested object,
   * `lines[].unitPrice.amount` for a field of the objects in a list. Every field of the schema has
   * one, and none names a field the schema lacks (tests/unit/domain/collection-docs.test.ts).
   */
  fields: Readonly<Record<string, string>>;
  /**
   * A realistic record as it travels, without `_deleted`: valid against the schema and accepted
   * when the Sales Manager of the examples (EXAMPLE_USER_ID) pushes it as new, with fresh ids.
   */
  example: CollectionDocs[C];
  /** Who writes what, state machines and invariants, in plain words. */
  rules: readonly string[];
}
