import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sameValue } from '@domain/canonical-json';

/** The same object with its keys inserted in reverse order, all the way down. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) {
    // defineProperty, because `out['__proto__'] = …` would set the prototype instead of a key.
    Object.defineProperty(out, key, {
      value: reversedKeys((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

describe('canonicalJson', () => {
  it('prints equal objects the same whatever the order of their keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('is independent of key order for any JSON value (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(value) === canonicalJson(reversedKeys(value))));
  });

  it('parses back to the same value as JSON.stringify would (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        sameValue(JSON.parse(canonicalJson(value)), JSON.parse(JSON.stringify(value) ?? 'null')),
      ),
    );
  });

  it('treats a "__proto__" key like any other key', () => {
    const parsed = JSON.parse('{"__proto__":{"b":1},"a":2}');
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"b":1},"a":2}');
    expect(canonicalJson(reversedKeys(parsed))).toBe(canonicalJson(parsed));
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('leaves out undefined properties, as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined])).toBe('[null]');
  });
});

describe('sameValue', () => {
  it('compares values by content', () => {
    expect(sameValue({ amount: 1, currency: 'USD' }, { currency: 'USD', amount: 1 })).toBe(true);
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue('x', 'x')).toBe(true);
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue({ amount: 1 }, { amount: 2 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });
});
