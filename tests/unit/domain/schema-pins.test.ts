import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS } from '@domain/collections';
import pinned from './pinned-schemas.json';

/**
 * RxDB hashes each collection's schema and refuses to open a database whose stored hash differs
 * for the same version: a schema edited without a version bump stops every device that has data.
 * The JSON of every schema is therefore pinned, byte for byte, in pinned-schemas.json. A change
 * of a schema comes with a version bump and a migration (the collection's definition); only then
 * is the pin updated, in the same commit.
 */
describe('collection schemas', () => {
  it('pins every collection and nothing else', () => {
    expect(Object.keys(pinned)).toEqual(COLLECTION_NAMES);
  });

  describe.each(COLLECTION_NAMES)('%s', (collection) => {
    const pin = (pinned as Record<string, { version: number }>)[collection];

    it('keeps its schema byte-identical to the pinned JSON, so its RxDB hash is unchanged', () => {
      expect(JSON.stringify(COLLECTION_SCHEMAS[collection])).toBe(JSON.stringify(pin));
    });

    it('keeps the pinned version (a changed schema needs a new version and a migration to it)', () => {
      expect(COLLECTION_SCHEMAS[collection].version).toBe(pin?.version);
    });
  });
});
