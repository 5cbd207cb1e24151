import type { MangoCondition, MangoSelector } from './view-query';

/**
 * A text "contains" filter's condition in a view's selector: the filter's text — normalized as the
 * field is when the field is a derived key (`searchKey`: no accents, lower case, one space between
 * words) — found anywhere in the field's value, as one run of characters (several words are a
 * phrase, not each a word of their own), ignoring case as a JavaScript `RegExp` with the `i` flag
 * does. That is how the storage (RxDB's query matcher, mingo) reads `$regex` with `$options`, so a
 * list served from memory (`containsMatcher`) finds exactly what the storage query finds.
 */
export interface ContainsCondition {
  $regex: string;
  $options: 'i';
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The condition for `text` (already normalized for its field). */
export function containsCondition(text: string): ContainsCondition {
  return { $regex: escapeRegex(text), $options: 'i' };
}

function isContainsCondition(condition: unknown): condition is ContainsCondition {
  if (typeof condition !== 'object' || condition === null) return false;
  const keys = Object.keys(condition);
  const c = condition as Record<string, unknown>;
  return keys.length === 2 && typeof c.$regex === 'string' && c.$options === 'i';
}

/** Does a field's value satisfy the condition? The storage's own reading of it (see ContainsCondition). */
export function containsMatcher(condition: ContainsCondition): (value: string) => boolean {
  const pattern = new RegExp(condition.$regex, condition.$options);
  return (value) => pattern.test(value);
}

/** A selector with its "contains" conditions on some fields taken out, to be tested elsewhere. */
export interface ContainsSplit {
  /** The conditions taken out, by the field they test. */
  contains: { path: string; condition: ContainsCondition }[];
  /** What is left for the storage: the same selector without them (`deletedAt` and the rest). */
  rest: MangoSelector;
}

/**
 * Takes the "contains" conditions on `paths` out of a view's selector (viewQuery: one at the top
 * level, more under `$and`), or null when it holds none. A condition merged with another operator
 * on the same field (`$ne: ''` of "is not empty") stays in the selector: the storage answers it.
 */
export function splitContains(selector: MangoSelector, paths: readonly string[]): ContainsSplit | null {
  const contains: ContainsSplit['contains'] = [];
  const rest: MangoSelector = {};
  for (const [key, value] of Object.entries(selector)) {
    if (paths.includes(key) && isContainsCondition(value)) {
      contains.push({ path: key, condition: value });
    } else if (key === '$and' && Array.isArray(value)) {
      const kept = (value as MangoSelector[]).filter((part) => {
        const entries = Object.entries(part);
        const [path, condition] = entries[0] ?? [];
        if (entries.length !== 1 || !paths.includes(path!) || !isContainsCondition(condition)) return true;
        contains.push({ path: path!, condition });
        return false;
      });
      if (kept.length > 0) rest.$and = kept;
    } else {
      rest[key] = value as MangoCondition | unknown;
    }
  }
  return contains.length > 0 ? { contains, rest } : null;
}
