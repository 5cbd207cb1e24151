import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type CollectionName } from '@domain/collections';
import { mergeFields, type JsonSchema } from '@domain/schemas/json-schema';
import { sampleRecords } from './fixtures';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<CollectionName, ValidateFunction>();
const validate = (collection: CollectionName, doc: unknown) => {
  let v = validators.get(collection);
  if (!v) validators.set(collection, (v = ajv.compile(COLLECTION_SCHEMAS[collection])));
  return v(doc);
};

const samples = sampleRecords();

/** Fields a later version added as optional, so the records stored before it stay valid. */
const OPTIONAL_FIELDS: Partial<Record<CollectionName, readonly string[]>> = { users: ['keyBindings'] };

/** A value of a JSON type the property does not allow. */
function wrongValueFor(schema: JsonSchema): unknown {
  const types = ([] as string[]).concat(schema.type ?? []);
  const candidates: [string[], unknown][] = [
    [['number', 'integer'], 42],
    [['string'], 'not this'],
    [['boolean'], true],
    [['array'], []],
    [['object'], {}],
  ];
  return candidates.find(([kinds]) => !kinds.some((k) => types.includes(k)))![1];
}

const indexedFields = (collection: CollectionName) => [...new Set(COLLECTION_SCHEMAS[collection].indexes.flat())];

describe.each(COLLECTION_NAMES)('the %s schema', (collection) => {
  const schema = COLLECTION_SCHEMAS[collection];
  const sample = samples[collection] as unknown as Record<string, unknown>;

  it('compiles with ajv and passes RxDB’s own schema checks', () => {
    expect(() => ajv.compile(schema)).not.toThrow();
    expect(() => checkSchema(structuredClone(schema) as never)).not.toThrow();
  });

  it('accepts a record made by createRecord with realistic values', () => {
    const ok = validate(collection, sample);
    expect(validators.get(collection)!.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects unknown properties', () => {
    expect(validate(collection, { ...sample, favouriteColour: 'teal' })).toBe(false);
  });

  it('requires every property it declares but the lost-edits list, which only merges write, and those added as optional', () => {
    const optional = new Set([...Object.keys(mergeFields), ...(OPTIONAL_FIELDS[collection] ?? [])]);
    expect([...schema.required].sort()).toEqual(
      Object.keys(schema.properties)
        .filter((f) => !optional.has(f))
        .sort(),
    );
    const lostEdits = [{ field: 'notes', clock: sample.hlc }];
    expect(validate(collection, { ...sample, lostEdits })).toBe('lostEdits' in schema.properties);
    for (const field of schema.required) {
      const { [field]: _dropped, ...rest } = sample;
      expect(validate(collection, rest), `without ${field}`).toBe(false);
    }
  });

  it('rejects a value of the wrong type in every property', () => {
    for (const [field, propSchema] of Object.entries(schema.properties)) {
      expect(validate(collection, { ...sample, [field]: wrongValueFor(propSchema) }), field).toBe(false);
    }
  });

  it('makes every indexed field required, bounded and non-nullable (Dexie and RxDB cannot index otherwise)', () => {
    for (const field of indexedFields(collection)) {
      const prop = schema.properties[field]!;
      expect(schema.required, field).toContain(field);
      expect(typeof prop.type, `${field} must have a single type`).toBe('string');
      if (prop.type === 'string') {
        expect(prop.maxLength, field).toBeGreaterThan(0);
        expect(prop.maxLength!, field).toBeLessThanOrEqual(2048);
      } else {
        expect(['integer', 'number'], field).toContain(prop.type);
        expect(prop.multipleOf, field).toBeGreaterThan(0);
        expect(Number.isFinite(prop.minimum) && Number.isFinite(prop.maximum), field).toBe(true);
      }
    }
  });

  it('keys records by a bounded string id', () => {
    expect(schema.primaryKey).toBe('id');
    expect(schema.properties.id).toMatchObject({ type: 'string', maxLength: 36 });
    expect(schema.version).toBeGreaterThanOrEqual(0);
  });
});

describe('field rules inside the schemas', () => {
  it('rejects money that is not integer minor units', () => {
    expect(validate('deals', { ...samples.deals, value: { amount: 12.5, currency: 'USD' } })).toBe(false);
    expect(validate('deals', { ...samples.deals, value: { amount: 1250, currency: 'usd' } })).toBe(false);
    expect(validate('leads', { ...samples.leads, estimatedValue: null })).toBe(true);
  });

  it('rejects times that are not ISO date-times and dates that are not YYYY-MM-DD', () => {
    expect(validate('activities', { ...samples.activities, dueAt: 'tomorrow' })).toBe(false);
    expect(validate('activities', { ...samples.activities, dueAt: '2026-02-30T10:00:00.000Z' })).toBe(false);
    expect(validate('deals', { ...samples.deals, expectedCloseDate: '15/04/2026' })).toBe(false);
    expect(validate('deals', { ...samples.deals, expectedCloseDate: '' })).toBe(true);
  });

  it('rejects references that are not ids, but accepts empty ones', () => {
    expect(validate('contacts', { ...samples.contacts, companyId: 'acme' })).toBe(false);
    expect(validate('contacts', { ...samples.contacts, companyId: '' })).toBe(true);
    expect(validate('deals', { ...samples.deals, pipelineId: '' })).toBe(false);
  });

  it('rejects malformed clocks, statuses and emails', () => {
    expect(validate('contacts', { ...samples.contacts, hlc: '2026-03-02' })).toBe(false);
    expect(validate('leads', { ...samples.leads, status: 'WON' })).toBe(false);
    expect(validate('contacts', { ...samples.contacts, email: 'not an email' })).toBe(false);
    expect(validate('contacts', { ...samples.contacts, email: '' })).toBe(true);
  });

  it('rejects unknown properties inside nested objects', () => {
    const line = { ...samples.deals.lines[0]!, colour: 'red' };
    expect(validate('deals', { ...samples.deals, lines: [line] })).toBe(false);
    expect(validate('contacts', { ...samples.contacts, address: { planet: 'Mars' } })).toBe(false);
  });
});
