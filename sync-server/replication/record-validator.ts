import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type CollectionName } from '@domain/collections';
import type { JsonSchema } from '@domain/schemas/json-schema';

/** Validates pushed documents against the same JSON schemas the client's RxDB uses. */
export interface RecordValidator {
  validate(collection: CollectionName, doc: unknown): string | null;
}

/** RxDB keys its schema helpers use but ajv does not know. */
const RXDB_KEYWORDS = [
  'primaryKey',
  'indexes',
  'version',
  'encrypted',
  'keyCompression',
  'attachments',
  'internalIndexes',
];

function wireSchema(collection: CollectionName): JsonSchema {
  const schema = COLLECTION_SCHEMAS[collection];
  // On the wire a document also carries RxDB's removal flag.
  return { ...schema, properties: { ...schema.properties, _deleted: { type: 'boolean' } } };
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => {
      const at = e.instancePath || '(document)';
      if (e.keyword === 'additionalProperties') return `${at}: unknown field "${String(e.params.additionalProperty)}"`;
      if (e.keyword === 'required') return `${at}: missing field "${String(e.params.missingProperty)}"`;
      return `${at}: ${e.message ?? e.keyword}`;
    })
    .join('; ');
}

export function createRecordValidator(): RecordValidator {
  const ajv = new Ajv({ allErrors: false, strict: false, keywords: RXDB_KEYWORDS });
  addFormats(ajv);
  const validators = new Map<CollectionName, ValidateFunction>(
    COLLECTION_NAMES.map((name) => [name, ajv.compile(wireSchema(name))]),
  );
  return {
    validate(collection, doc) {
      const validate = validators.get(collection)!;
      return validate(doc) ? null : describe(validate.errors);
    },
  };
}
