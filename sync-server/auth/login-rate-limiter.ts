/**
 * Failed sign-ins counted per account and per network address over a sliding window: a guesser
 * is slowed down on one account from many addresses, and on many accounts from one address.
 * In memory, per server process: with several instances each counts its own share, which still
 * bounds guessing; the lock-out survives only as long as the process.
 */
export interface RateLimitRule {
  maxFailures: number;
  windowMs: number;
}

export interface LoginRateLimiter {
  /** Milliseconds until another attempt is allowed for these keys, or 0. */
  retryAfterMs(keys: readonly string[]): number;
  recordFailure(keys: readonly string[]): void;
  /** A successful sign-in clears the account's count (not the address's). */
  clear(key: string): void;
}

export function createLoginRateLimiter(
  rules: Record<'account' | 'address', RateLimitRule>,
  now: () => number = Date.now,
): LoginRateLimiter {
  const failures = new Map<string, number[]>();
  const ruleFor = (key: string) => (key.startsWith('account:') ? rules.account : rules.address);
  const recent = (key: string) => {
    const { windowMs } = ruleFor(key);
    const since = now() - windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  return {
    retryAfterMs(keys) {
      let wait = 0;
      for (const key of keys) {
        const rule = ruleFor(key);
        const times = recent(key);
        if (times.length >= rule.maxFailures)
          wait = Math.max(wait, times[times.length - rule.maxFailures]! + rule.windowMs - now());
      }
      return Math.max(0, wait);
    },
    recordFailure(keys) {
      for (const key of keys) failures.set(key, [...recent(key), now()]);
    },
    clear(key) {
      failures.delete(key);
    },
  };
}
