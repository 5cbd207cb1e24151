/**
 * Fractional ranks order cards within a column: a card dropped between two others gets a key
 * strictly between theirs, so a reorder writes one record, not the whole column. Keys are base-36
 * strings that never end in '0', which guarantees room between any two.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

export function isRank(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-z]*[1-9a-z]$/.test(value);
}

/** A key strictly between `before` and `after` (either may be null for an open end). */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    throw new RangeError(`rank ${before} is not before ${after}`);
  }
  const lo = before ?? '';
  let hi = after;
  let result = '';
  for (let i = 0; ; i++) {
    const low = i < lo.length ? DIGITS.indexOf(lo[i]!) : 0;
    const high = hi !== null && i < hi.length ? DIGITS.indexOf(hi[i]!) : BASE;
    if (high - low > 1) return result + DIGITS[Math.floor((low + high) / 2)];
    result += DIGITS[low];
    // From here on the result is already below `after`, so only `before` still bounds it.
    if (high - low === 1) hi = null;
  }
}

/** `count` evenly spread keys, for seeding a column without crowding one end. */
export function spreadRanks(count: number): string[] {
  const width = Math.max(1, Math.ceil(Math.log(count + 1) / Math.log(BASE)) + 1);
  const span = BASE ** width;
  const keys: string[] = [];
  for (let i = 1; i <= count; i++) {
    let n = Math.floor((i * span) / (count + 1));
    let key = '';
    for (let d = 0; d < width; d++) {
      key = DIGITS[n % BASE] + key;
      n = Math.floor(n / BASE);
    }
    keys.push(key.replace(/0+$/, '') || '1');
  }
  return keys;
}
