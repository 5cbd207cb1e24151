import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS } from '@domain/collections';
import { makeContact } from './fixtures';
import { createRecordValidator } from '@domain/record-validation/record-validator';

/** Every `pattern` of the collections' schemas, however deeply nested. */
function patternsOf(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => patternsOf(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') found.add(value);
      else patternsOf(value, found);
    }
  }
  return found;
}

const SAMPLES = [
  '',
  'ana@example.com',
  'ana😀@example.com',
  '😀@😀.😀',
  'ana@exa mple.com',
  '\u2003ana@example.com',
  'ana@@example.com',
  '+34 (91) 555-01.23 x7',
  '+34 91 😀',
  'example.co.uk',
  'exämple.com',
  '0f8fad5b-d9cb-469f-a165-70867728950e',
  '0f8fad5b-d9cb-469f-a165-70867728950😀',
  '2026-01-31',
  'EUR',
  'E😀R',
  '000001749000000-00001-device1',
  '\ud83d',
  'a\udc00b@c.de',
];

describe('record validator', () => {
  it('matches every schema pattern exactly as the `u` flag would (it compiles them without it)', () => {
    const patterns = patternsOf(COLLECTION_NAMES.map((name) => COLLECTION_SCHEMAS[name]));
    expect(patterns.size).toBeGreaterThan(5);
    for (const pattern of patterns) {
      const unicode = new RegExp(pattern, 'u');
      const plain = new RegExp(pattern);
      for (const sample of SAMPLES)
        expect(plain.test(sample), `${pattern} on ${JSON.stringify(sample)}`).toBe(unicode.test(sample));
    }
  });

  it('accepts a well-formed contact and names the field of a malformed reference or email', () => {
    const validator = createRecordValidator();
    const contact = { ...makeContact(), _deleted: false };
    expect(validator.validate('contacts', contact)).toBeNull();
    expect(validator.validate('contacts', { ...contact, companyId: 'ACME' })).toMatch(/\/companyId/);
    expect(validator.validate('contacts', { ...contact, email: 'ana😀@example' })).toMatch(/\/email/);
  });
});
