import type { AnyCollectionDefinition, CollectionDefinition, RecordOfDefinition } from './collection-definition';
import { activities } from './collections/activities';
import { companies } from './collections/companies';
import { contacts } from './collections/contacts';
import { deals } from './collections/deals';
import { leads } from './collections/leads';
import { pipelines } from './collections/pipelines';
import { savedViews } from './collections/saved-views';
import { settings } from './collections/settings';
import { stageChanges } from './collections/stage-changes';
import { users } from './collections/users';
import type { CollectionSchema } from './schemas/json-schema';

/**
 * Every replicated collection, in one place: each line is a collection's whole definition
 * (domain/collections/<name>.ts, docs/adr/0023-collection-definitions.md), and everything below is
 * derived from this list. Free RxDB opens at most 13 collections per page, so this list is a
 * budget (docs/adr/0002-collection-budget.md): a new noun first looks for a record to live inside.
 */
export const COLLECTION_DEFINITIONS = [
  companies,
  contacts,
  leads,
  deals,
  activities,
  pipelines,
  stageChanges,
  savedViews,
  users,
  settings,
] as const;

type Definitions = (typeof COLLECTION_DEFINITIONS)[number];

/** Each collection's record type, derived from its schema (domain/collection-definition.ts). */
export type CollectionDocs = { [D in Definitions as D['name']]: RecordOfDefinition<D> };

export type CollectionName = keyof CollectionDocs;
export type AnyRecord = CollectionDocs[CollectionName];

/** A collection's definition, typed by its record. */
export type DefinitionOf<C extends CollectionName> = CollectionDefinition<C, CollectionDocs[C]>;

/**
 * What the code reads of a list of definitions. Built from COLLECTION_DEFINITIONS below; a test
 * can build it from a longer list to prove that a new definition is all a collection needs.
 */
export function registryOf(definitions: readonly AnyCollectionDefinition[]) {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  return {
    definitionOf(collection: string): AnyCollectionDefinition {
      const definition = byName.get(collection);
      if (!definition) throw new TypeError(`unknown collection ${collection}`);
      return definition;
    },
    isCollectionName: (value: unknown): boolean => typeof value === 'string' && byName.has(value),
    COLLECTION_NAMES: definitions.map((d) => d.name),
    COLLECTION_SCHEMAS: Object.fromEntries(definitions.map((d) => [d.name, d.schema])),
    APPEND_ONLY_COLLECTIONS: new Set(definitions.filter((d) => d.appendOnly).map((d) => d.name)),
    HARD_DELETABLE_COLLECTIONS: new Set(definitions.filter((d) => d.hardDeletable).map((d) => d.name)),
    DERIVED_FIELD_NAMES: new Set(definitions.flatMap((d): readonly string[] => d.derivedFields ?? [])),
  };
}

const registry = registryOf(COLLECTION_DEFINITIONS);

export const definitionOf = registry.definitionOf as <C extends CollectionName>(collection: C) => DefinitionOf<C>;

export const isCollectionName = registry.isCollectionName as (value: unknown) => value is CollectionName;

export const COLLECTION_NAMES = registry.COLLECTION_NAMES as CollectionName[];

export const COLLECTION_SCHEMAS = registry.COLLECTION_SCHEMAS as { readonly [K in CollectionName]: CollectionSchema };

export const MAX_COLLECTIONS = 12;

/** Records that are written once and never edited: they can never be in conflict. */
export const APPEND_ONLY_COLLECTIONS = registry.APPEND_ONLY_COLLECTIONS as ReadonlySet<CollectionName>;

/** Collections whose records a device may remove outright; the rest are archived (`deletedAt`). */
export const HARD_DELETABLE_COLLECTIONS = registry.HARD_DELETABLE_COLLECTIONS as ReadonlySet<CollectionName>;

/** Fields computed from others in any collection (nameKey, titleKey…): never edited nor merged alone. */
export const DERIVED_FIELD_NAMES: ReadonlySet<string> = registry.DERIVED_FIELD_NAMES;
