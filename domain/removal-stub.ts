import { COLLECTION_SCHEMAS, type CollectionName } from './collections';
import type { JsonSchema } from './schemas/json-schema';
import type { SyncDocument } from './sync-protocol';

/** Every timestamp of a stub: the epoch, a valid date-time that says nothing about the record. */
export const REMOVAL_STUB_TIME = '1970-01-01T00:00:00.000Z';

/**
 * Strings tried, in order, for a text field: the first its schema accepts is the neutral value.
 * Past the empty string they only serve fields that refuse it: a required reference (the nil
 * UUID), a currency (ISO 4217's "no currency"), an email with a minimum length (a reserved
 * `.invalid` domain), a name that must not be blank.
 */
const NEUTRAL_TEXTS = (minLength: number) => [
  '',
  '-'.repeat(Math.max(1, minLength)),
  '00000000-0000-0000-0000-000000000000',
  'XXX',
  'removed@removed.invalid',
];

const neutralBodies = new Map<CollectionName, string>();

/**
 * What the server sends for a record a device must drop (RxDB's `_deleted: true`): the id, the
 * version's `hlc`, and for every other field a fixed neutral value — nothing of the record. RxDB
 * validates pulled documents against the collection's schema and a removal is no exception (an
 * invalid one stops the checkpoint for good), so the neutral values are derived from that schema:
 * a field added to a collection gets one without anyone remembering to. Used for every removal on
 * the wire: a record that left the user's sight and one removed outright alike.
 */
export function removalStub<C extends CollectionName>(collection: C, id: string, hlc: string): SyncDocument<C> {
  const schema = COLLECTION_SCHEMAS[collection];
  let text = neutralBodies.get(collection);
  if (text === undefined) {
    // The id and the version are the caller's: derived like the rest, they would fail their patterns.
    const rest = schema.required.filter((key) => key !== schema.primaryKey && key !== 'hlc');
    text = JSON.stringify(neutralValue({ ...schema, required: rest }, collection));
    neutralBodies.set(collection, text);
  }
  const body = JSON.parse(text) as Record<string, unknown>;
  return { ...body, [schema.primaryKey]: id, hlc, _deleted: true } as unknown as SyncDocument<C>;
}

/** The neutral value a schema accepts: null where allowed, else empty, zero, false, first state. */
function neutralValue(schema: JsonSchema, at: string): unknown {
  const fail = (why: string) => {
    throw new Error(`removalStub: no neutral value for ${at} (${why})`);
  };
  if (schema.enum) {
    // '' and null mean "none" where a list allows them; otherwise the first item is the initial state.
    if (schema.enum.includes(null)) return null;
    if (schema.enum.includes('')) return '';
    if (schema.default !== undefined && schema.enum.includes(schema.default as never)) return schema.default;
    if (schema.enum.length === 0) fail('empty enum');
    return schema.enum[0];
  }
  const types = ([] as string[]).concat(schema.type ?? []);
  if (types.includes('null')) return null;
  const type = types[0];
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const property = schema.properties?.[key];
        if (!property) return fail(`required "${key}" has no schema`);
        value[key] = neutralValue(property, `${at}.${key}`);
      }
      return value;
    }
    case 'array': {
      const count = schema.minItems ?? 0;
      if (count === 0) return [];
      if (!schema.items) return fail('items without a schema');
      if (count > 1 && schema.uniqueItems) return fail('several unique items');
      return Array.from({ length: count }, (_, i) => neutralValue(schema.items!, `${at}[${i}]`));
    }
    case 'string': {
      if (schema.format === 'date-time') return REMOVAL_STUB_TIME;
      if (schema.format) return fail(`format ${schema.format}`);
      const pattern = schema.pattern === undefined ? null : new RegExp(schema.pattern, 'u');
      const fits = (text: string) => {
        const length = [...text].length;
        return (
          length >= (schema.minLength ?? 0) &&
          length <= (schema.maxLength ?? Infinity) &&
          (pattern === null || pattern.test(text))
        );
      };
      const text = NEUTRAL_TEXTS(schema.minLength ?? 0).find(fits);
      return text ?? fail(`no neutral text matches ${schema.pattern ?? 'its length'}`);
    }
    case 'integer':
    case 'number': {
      const value = Math.min(Math.max(0, schema.minimum ?? 0), schema.maximum ?? Infinity);
      if (schema.multipleOf && value % schema.multipleOf !== 0) fail(`multipleOf ${schema.multipleOf}`);
      if (type === 'integer' && !Number.isInteger(value)) fail('not an integer');
      return value;
    }
    case 'boolean':
      return false;
    default:
      return fail(`type ${String(type)}`);
  }
}
