import type { ParseKeys } from 'i18next';
import { en } from './en';

/** A key `t()` accepts: a string in en.ts, or a plural key without its `_one`/`_other` suffix. */
export type MessageKey = ParseKeys;

function leafKeys(section: object, prefix: string): string[] {
  return Object.entries(section).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

const KEYS: ReadonlySet<string> = new Set(leafKeys(en, ''));

/**
 * Whether a key built from runtime data (a stored setting item, a server's error code) names a
 * string in en.ts — and so, by its type, in es.ts. Narrowing through this keeps the `t()` call
 * checked where a cast would let any string through and show the raw key to the user.
 */
export function isMessageKey(key: string): key is MessageKey {
  return KEYS.has(key);
}
