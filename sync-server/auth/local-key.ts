import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether `given` is the launch key, compared in constant time: both sides are hashed first, so
 * neither the key's length nor how much of it a guess got right shows in the time taken.
 */
export function matchesLocalKey(given: string | string[] | undefined, expected: string | undefined): boolean {
  if (typeof given !== 'string' || !expected) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
