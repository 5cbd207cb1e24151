import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { HttpError } from '../http/api-error';
import {
  DEFAULT_PASSWORD_COST,
  hashPassword,
  spendPasswordTime,
  verifyPassword,
  type PasswordHashCost,
} from './password-hash';

/**
 * Every password hash of one server, through one small queue. scrypt runs on Node's libuv thread
 * pool (4 threads), which response compression shares: a storm of sign-ins holding every thread
 * made pulls wait behind it. At most `concurrency` hashes run at once (one per core beyond the
 * first), a few more wait their turn, and beyond that a sign-in is answered 503 `auth.busy` with
 * Retry-After — a storm costs sign-ins, not sync (docs/performance.md, "Sign-in storm").
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, encoded: string): Promise<boolean>;
  /** The time of a check, for an account that has no password to check (unknown emails). */
  spendTime(password: string): Promise<void>;
}

export interface PasswordHashingOptions {
  /** Hashes running at once; by default one per core beyond the first. */
  concurrency?: number;
  /** Hashes waiting for their turn before new ones are refused. */
  maxWaiting?: number;
}

export function defaultHashConcurrency(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** About a second of work per running slot at the default cost: a person barely notices the wait. */
export const DEFAULT_MAX_WAITING = 16;
const RETRY_AFTER_SECONDS = 1;

export function createPasswordHasher(
  cost: PasswordHashCost = DEFAULT_PASSWORD_COST,
  options: PasswordHashingOptions = {},
): PasswordHasher {
  const limit = pLimit(options.concurrency ?? defaultHashConcurrency());
  const maxWaiting = options.maxWaiting ?? DEFAULT_MAX_WAITING;
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    if (limit.pendingCount >= maxWaiting) {
      return Promise.reject(
        new HttpError(503, 'auth.busy', 'too many passwords are being checked: retry in a moment', undefined, {
          'Retry-After': String(RETRY_AFTER_SECONDS),
        }),
      );
    }
    return limit(work);
  };
  return {
    hash: (password) => queued(() => hashPassword(password, cost)),
    verify: (password, encoded) => queued(() => verifyPassword(password, encoded)),
    spendTime: (password) => queued(() => spendPasswordTime(password, cost)),
  };
}
