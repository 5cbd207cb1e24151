import type { TFunction } from 'i18next';

// Stands for the value while the wording is looked up: no translation contains it.
const SLOT = '\u0000';

/**
 * A message with one value filled in, looked up once: `t` is asked for the wording (with its
 * plural and language rules) a single time, and each call only puts its value in. For labels that
 * differ only by a name in every row of a list ("Select Ana Ruiz"), where asking i18next per row
 * made each row's drawing cost several lookups. Not for a value that chooses the wording (a count).
 */
export function labelTemplate<K extends string>(
  t: TFunction,
  key: K,
  slot: string,
): (value: string | number) => string {
  const parts = (t as (key: K, options: Record<string, string>) => string)(key, { [slot]: SLOT }).split(SLOT);
  return (value) => parts.join(String(value));
}
