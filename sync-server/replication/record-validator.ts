import Ajv, { _, str, type CodeKeywordDefinition, type ErrorObject, type ValidateFunction } from 'ajv';
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

/**
 * The length of `text` in Unicode code points (a surrogate pair counts once), as JSON Schema's
 * maxLength/minLength count it: the same loop as ajv's own runtime `ucs2length`.
 */
function codePointLength(text: string): number {
  const units = text.length;
  let length = 0;
  for (let pos = 0; pos < units;) {
    length++;
    const unit = text.charCodeAt(pos++);
    if (unit >= 0xd800 && unit <= 0xdbff && pos < units && (text.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}

/**
 * ajv's maxLength/minLength, same results and errors, but counting code points only when the
 * UTF-16 length cannot decide: a string has at most as many code points as units and at least
 * half as many. ajv counts every string of every document (the notes field can be 20,000 long),
 * which was half of the validation time of a push.
 */
const lengthKeywords: CodeKeywordDefinition = {
  keyword: ['maxLength', 'minLength'],
  type: 'string',
  schemaType: 'number',
  error: {
    message: ({ keyword, schemaCode }) =>
      str`must NOT have ${keyword === 'maxLength' ? 'more' : 'fewer'} than ${schemaCode} characters`,
    params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
  },
  code(cxt) {
    const { keyword, data, schemaCode, gen } = cxt;
    const count = gen.scopeValue('func', { ref: codePointLength });
    cxt.fail(
      keyword === 'maxLength'
        ? _`${data}.length > ${schemaCode} && ${count}(${data}) > ${schemaCode}`
        : _`${data}.length < ${schemaCode} || (${data}.length < 2 * ${schemaCode} && ${count}(${data}) < ${schemaCode})`,
    );
  },
};

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits of `text` from `start` to `end` as a number, or -1 if one of them is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * True for a valid date-time in the shape devices send (`Date.prototype.toISOString`:
 * 2025-06-01T12:34:56.789Z, or without the fraction). It only ever says yes: anything else goes to
 * ajv-formats' full RFC 3339 check (time zones, leap seconds…), so the answers are exactly that
 * check's, without its three regular expressions on every timestamp of every document.
 */
function isPlainUtcDateTime(text: string): boolean {
  const n = text.length;
  if (n !== 24 && n !== 20) return false;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return false;
  if (text[n - 1] !== 'Z' || (n === 24 && (text[19] !== '.' || digits(text, 20, 23) < 0))) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || minute < 0 || second < 0) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]!) && hour <= 23 && minute <= 59 && second <= 59;
}

export function createRecordValidator(): RecordValidator {
  // unicodeRegExp: false compiles the schemas' patterns without the `u` flag, which V8 matches
  // markedly faster (a pushed contact is checked against seven patterns). The answers are the same:
  // the patterns use ASCII classes, \d and \s only (\s matches no astral character), so counting a
  // surrogate pair as two units changes no match. record-validator.test.ts pins this.
  const ajv = new Ajv({ allErrors: false, strict: false, keywords: RXDB_KEYWORDS, unicodeRegExp: false });
  addFormats(ajv);
  ajv.removeKeyword('maxLength');
  ajv.removeKeyword('minLength');
  ajv.addKeyword(lengthKeywords);
  const fullDateTime = ajv.formats['date-time'];
  if (!fullDateTime || typeof fullDateTime !== 'object' || !('validate' in fullDateTime)) {
    throw new Error('record validator: ajv-formats did not define date-time');
  }
  const full = fullDateTime.validate as (text: string) => boolean;
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (text: string) => isPlainUtcDateTime(text) || full(text),
  });
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
