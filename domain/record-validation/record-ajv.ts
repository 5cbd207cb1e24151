import Ajv, { _, str, type CodeKeywordDefinition } from 'ajv';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type CollectionName } from '../collections';
import type { JsonSchema } from '../schemas/json-schema';
import { codePointLength, recordFormats } from './record-formats';

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

/** The document a push carries: the collection's schema plus RxDB's removal flag. */
export function wireSchema(collection: CollectionName): JsonSchema {
  const schema = COLLECTION_SCHEMAS[collection];
  return { ...schema, properties: { ...schema.properties, _deleted: { type: 'boolean' } } };
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
    // `code` names the function in the generated module (record-validators.generated.ts imports it).
    const count = gen.scopeValue('func', { ref: codePointLength, code: _`codePointLength` });
    cxt.fail(
      keyword === 'maxLength'
        ? _`${data}.length > ${schemaCode} && ${count}(${data}) > ${schemaCode}`
        : _`${data}.length < ${schemaCode} || (${data}.length < 2 * ${schemaCode} && ${count}(${data}) < ${schemaCode})`,
    );
  },
};

/**
 * The ajv that compiles the collection schemas into record-validators.generated.ts
 * (`npm run generate:validators`). Only that script and its staleness test run it: ajv compiles
 * with `new Function`, which the renderer's Content-Security-Policy forbids (docs/adr/0032).
 */
export function createRecordAjv(): Ajv {
  // unicodeRegExp: false compiles the schemas' patterns without the `u` flag, which V8 matches
  // markedly faster (a pushed contact is checked against seven patterns). The answers are the same:
  // the patterns use ASCII classes, \d and \s only (\s matches no astral character), so counting a
  // surrogate pair as two units changes no match. record-validator.test.ts pins this.
  const ajv = new Ajv({
    allErrors: false,
    strict: false,
    keywords: RXDB_KEYWORDS,
    unicodeRegExp: false,
    code: { source: true, esm: true, formats: _`recordFormats` },
  });
  for (const [name, format] of Object.entries(recordFormats)) ajv.addFormat(name, format);
  ajv.removeKeyword('maxLength');
  ajv.removeKeyword('minLength');
  ajv.addKeyword(lengthKeywords);
  for (const name of COLLECTION_NAMES) ajv.addSchema(wireSchema(name), name);
  return ajv;
}
