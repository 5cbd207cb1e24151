import { containsMatcher, splitContains } from '@domain/record-views/contains-filter';
import type { MangoSelector } from '@domain/record-views/view-query';
import type { SearchableCollection } from '@domain/search-text';
import type { SlotFilter } from './record-search-index';
import { LIST_SORT_KEY } from './search-row';

/** A view's filters split between the list's search index and the storage. */
export interface IndexedFilter {
  /** What the index tests: the "contains" conditions on the list's sort key (name, title). */
  filter: SlotFilter;
  /** The rest of the selector, for the storage (`deletedAt: null` at least). */
  rest: MangoSelector;
}

/**
 * The part of a list's selector its search index answers in memory, or null when none does: a
 * text "contains" on the field the list is ordered by (a person's name, a company's name, a deal's
 * title), whose normalized value each index slot keeps as its sort key. Matched as the storage
 * matches it (domain/record-views/contains-filter.ts); other fields are not in the index as
 * stored, and stay with the storage.
 */
export function indexedFilterOf(
  collection: SearchableCollection | null,
  selector: MangoSelector,
): IndexedFilter | null {
  if (!collection) return null;
  const split = splitContains(selector, [LIST_SORT_KEY[collection]]);
  if (!split) return null;
  const tests = split.contains.map((c) => containsMatcher(c.condition));
  return {
    filter: { key: JSON.stringify(split.contains), sortKey: (value) => tests.every((test) => test(value)) },
    rest: split.rest,
  };
}

/**
 * True when a selector asks only what every record the index lists satisfies: not in the bin
 * (`deletedAt: null`, which every list's selector holds). Its matches are then read by id alone.
 */
export function onlyListed(selector: MangoSelector): boolean {
  const keys = Object.keys(selector);
  return keys.length === 1 && keys[0] === 'deletedAt' && selector.deletedAt === null;
}
