import { definitionOf, type CollectionName } from './collections';
import { DERIVED_FIELDS, SYSTEM_FIELDS } from './record-edits';

/**
 * Whether "Use mine" in the conflict log may write a user's lost value of `field` back as a new
 * edit: plain fields only (names, notes, amounts, tags, dates the user typed), never system,
 * derived or governed ones (each definition's `governedFields`: a value that follows a state
 * machine or a structure is restored by redoing the action), and never on append-only history.
 */
export function canRestoreLostValue(collection: CollectionName, field: string): boolean {
  const definition = definitionOf(collection);
  if (definition.appendOnly) return false;
  if (SYSTEM_FIELDS.has(field) || DERIVED_FIELDS.has(field) || field === 'deletedAt') return false;
  return !(definition.governedFields as readonly string[] | undefined)?.includes(field);
}
