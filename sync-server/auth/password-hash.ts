import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost; tests may lower it (never below the default in production code paths). */
export interface PasswordHashCost {
  N: number;
  r: number;
  p: number;
}

/** About 50–100 ms on a laptop core: slow for a guesser, quick for a person signing in. */
export const DEFAULT_PASSWORD_COST: PasswordHashCost = { N: 1 << 15, r: 8, p: 1 };

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: PasswordHashCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * 2 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$<salt>$<hash>` (base64url): the parameters travel with the hash, so they can grow. */
export async function hashPassword(password: string, cost: PasswordHashCost = DEFAULT_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = encoded.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Spend the same time for an unknown account as for a wrong password, so emails cannot be probed. */
export async function spendPasswordTime(
  password: string,
  cost: PasswordHashCost = DEFAULT_PASSWORD_COST,
): Promise<void> {
  await derive(password, Buffer.alloc(16), cost);
}

/** What a new password must be: long enough to resist guessing, short enough to hash quickly. */
export function passwordProblem(password: string): 'tooShort' | 'tooLong' | null {
  if (password.length < 10) return 'tooShort';
  if (password.length > 200) return 'tooLong';
  return null;
}
