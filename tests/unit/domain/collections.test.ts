import { describe, expect, it } from 'vitest';
import {
  APPEND_ONLY_COLLECTIONS,
  COLLECTION_NAMES,
  COLLECTION_SCHEMAS,
  MAX_COLLECTIONS,
  isCollectionName,
} from '@domain/collections';

describe('collections', () => {
  it(`stays within the budget of ${MAX_COLLECTIONS} replicated collections`, () => {
    expect(COLLECTION_NAMES.length).toBeLessThanOrEqual(MAX_COLLECTIONS);
    expect(MAX_COLLECTIONS).toBeLessThan(13); // free RxDB opens at most 13 per page
  });

  it('uses collection names RxDB accepts', () => {
    for (const name of COLLECTION_NAMES) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('gives every collection a schema with a distinct title', () => {
    const titles = COLLECTION_NAMES.map((n) => COLLECTION_SCHEMAS[n].title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('recognises its own names only', () => {
    expect(isCollectionName('deals')).toBe(true);
    expect(isCollectionName('toString')).toBe(false);
    expect(isCollectionName('__proto__')).toBe(false);
    expect(isCollectionName(7)).toBe(false);
  });

  it('treats stage changes as append-only history', () => {
    expect([...APPEND_ONLY_COLLECTIONS]).toEqual(['stage_changes']);
  });
});
