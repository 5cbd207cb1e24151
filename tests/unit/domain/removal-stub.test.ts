import fc from 'fast-check';
import { fillWithDefaultSettings } from 'rxdb';
import { getValidator } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type CollectionName } from '@domain/collections';
import { formatHlc } from '@domain/hlc';
import { uuidv7 } from '@domain/ids';
import { REMOVAL_STUB_TIME, removalStub } from '@domain/removal-stub';
import { createRecordValidator } from '@domain/record-validation/record-validator';
import { sampleRecords } from './fixtures';

const ID = '01900000-0000-7000-8000-0000000000aa';
const HLC = formatHlc({ wallMs: Date.UTC(2026, 2, 2), counter: 7, node: 'stub' });

/**
 * Every value a stub may hold besides its id and hlc: empty, zero, false, null, the epoch, the
 * placeholders a schema forces where it refuses empty text, and the first state of a list that
 * has no empty choice. A value outside this list would be a stub saying something.
 */
const NEUTRAL = new Set<unknown>([
  '',
  '-',
  '00000000-0000-0000-0000-000000000000',
  'XXX',
  'removed@removed.invalid',
  REMOVAL_STUB_TIME,
  0,
  false,
  null,
  // Empty lists and maps, as leaves() names them.
  '[]',
  '{}',
  // First states: a lead is NEW, a deal OPEN, an activity a CALL…
  'NEW',
  'OPEN',
  'CALL',
  'SDR',
  'en',
  'leads',
  'compact',
  'lead-sources',
]);

/** Every leaf of a document with its path (empty arrays and objects are leaves too). */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) {
    return value.length ? value.flatMap((item, i) => leaves(item, `${path}[${i}]`)) : [[path, '[]']];
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k)) : [[path, '{}']];
  }
  return [[path, value]];
}

/** RxDB's own validation of a document as the device's storage would hold it. */
function deviceErrors(collection: CollectionName, doc: object) {
  const schema = fillWithDefaultSettings(structuredClone(COLLECTION_SCHEMAS[collection]) as never);
  const stored = { ...doc, _rev: '1-stub', _meta: { lwt: 1_700_000_000_000 }, _attachments: {} };
  return getValidator(schema)(stored);
}

const server = createRecordValidator();

describe.each(COLLECTION_NAMES)('removalStub of %s', (collection) => {
  const stub = removalStub(collection, ID, HLC);

  it('passes the device’s RxDB validation and the server’s, as a removal', () => {
    expect(deviceErrors(collection, stub)).toEqual([]);
    expect(server.validate(collection, stub)).toBeNull();
    expect(stub._deleted).toBe(true);
  });

  it('holds the id and version given and otherwise only neutral values', () => {
    expect(stub.id).toBe(ID);
    expect(stub.hlc).toBe(HLC);
    const said = leaves(stub).filter(
      ([path, value]) => !['id', 'hlc', '_deleted'].includes(path) && !NEUTRAL.has(value),
    );
    expect(said).toEqual([]);
  });

  it('shares no value with a real record but the neutral ones', () => {
    const real = new Map(leaves(sampleRecords()[collection]));
    const shared = leaves(stub).filter(
      ([path, value]) => path !== '_deleted' && real.get(path) === value && !NEUTRAL.has(value),
    );
    expect(shared).toEqual([]);
  });

  it('depends on the id and version alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.nat(99_999), (ms, counter) => {
        const id = uuidv7(ms);
        const hlc = formatHlc({ wallMs: ms, counter, node: 'other' });
        const other = removalStub(collection, id, hlc);
        expect({ ...other, id: ID, hlc: HLC }).toEqual(stub);
        const text = JSON.stringify(other);
        expect(text.split(id).length - 1).toBe(1);
        expect(text.split(hlc).length - 1).toBe(1);
      }),
      { numRuns: 50 },
    );
  });

  it('is a new object every time, so a caller’s change never reaches the next stub', () => {
    const first = removalStub(collection, ID, HLC) as unknown as Record<string, unknown>;
    first.clocks = { title: HLC };
    expect(removalStub(collection, ID, HLC)).toEqual(stub);
  });
});
