/**
 * Failed sign-ins counted per account and per network address over a sliding window: a guesser
 * is slowed down on one account from many addresses, and on many accounts from one address.
 * In memory, per server process: with several instances each counts its own share, which still
 * bounds guessing; the lock-out survives only as long as the process.
 *
 * An attempt is counted *before* its password is checked (a reservation), because checking takes
 * tens of milliseconds: counting only afterwards let twenty concurrent guesses all through a limit
 * of five. A reservation that turns out right is taken back.
 */
export interface RateLimitRule {
  maxFailures: number;
  windowMs: number;
}

/** An attempt counted against its keys until it is known to have failed or succeeded. */
export interface LoginAttempt {
  /** The password was wrong: the attempt stays counted as a failure. */
  failed(): void;
  /** The password was right: the attempt is taken back and the account's count cleared. */
  succeeded(): void;
  /** Neither (the check could not finish, the account is deactivated): the attempt is taken back. */
  cancelled(): void;
}

export type Reservation = { attempt: LoginAttempt; retryAfterMs: 0 } | { attempt: null; retryAfterMs: number };

export interface LoginRateLimiter {
  /**
   * Count an attempt on these keys (the account's first) if every key is under its limit, counting
   * attempts still being checked; otherwise the milliseconds until one is allowed.
   */
  reserve(keys: readonly string[]): Reservation;
  /** Keys currently held (tests and diagnostics: the map stays bounded). */
  size(): number;
}

export interface LoginRateLimiterOptions {
  now?: () => number;
  /**
   * Most keys remembered at once. Beyond it the least recently counted keys are forgotten first:
   * memory stays bounded whatever addresses and emails a flood invents, and an account under
   * attack is counted again at every attempt, so it stays among the most recent.
   */
  maxKeys?: number;
}

/** About 100 bytes a key plus a timestamp an attempt: a few MB at most. */
export const DEFAULT_MAX_KEYS = 50_000;

export function createLoginRateLimiter(
  rules: Record<'account' | 'address', RateLimitRule>,
  options: LoginRateLimiterOptions = {},
): LoginRateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  // Insertion order is recency: a key is deleted and set again whenever it is counted.
  const attempts = new Map<string, number[]>();
  const longestWindow = Math.max(rules.account.windowMs, rules.address.windowMs);
  let lastSweep = now();

  const ruleFor = (key: string) => (key.startsWith('account:') ? rules.account : rules.address);
  const recent = (key: string): number[] => {
    const since = now() - ruleFor(key).windowMs;
    const kept = (attempts.get(key) ?? []).filter((t) => t > since);
    if (!kept.length) attempts.delete(key);
    return kept;
  };
  const put = (key: string, times: number[]) => {
    attempts.delete(key);
    if (times.length) attempts.set(key, times);
  };
  /** Expired keys of accounts and addresses never seen again go within a window's time. */
  const sweep = () => {
    if (now() - lastSweep < longestWindow) return;
    lastSweep = now();
    for (const key of [...attempts.keys()]) recent(key);
  };
  const evictBeyondCap = () => {
    for (const key of attempts.keys()) {
      if (attempts.size <= maxKeys) break;
      attempts.delete(key);
    }
  };
  const takeBack = (key: string, at: number) => {
    const times = attempts.get(key);
    const index = times?.indexOf(at) ?? -1;
    if (!times || index < 0) return;
    times.splice(index, 1);
    if (!times.length) attempts.delete(key);
  };

  return {
    reserve(keys) {
      sweep();
      let wait = 0;
      const counted = keys.map((key) => {
        const rule = ruleFor(key);
        const times = recent(key);
        if (times.length >= rule.maxFailures)
          wait = Math.max(wait, times[times.length - rule.maxFailures]! + rule.windowMs - now(), 1);
        return times;
      });
      if (wait > 0) return { attempt: null, retryAfterMs: wait };

      const at = now();
      keys.forEach((key, i) => put(key, [...counted[i]!, at]));
      evictBeyondCap();
      let settled = false;
      const settle = (then: () => void) => {
        if (settled) return;
        settled = true;
        then();
      };
      return {
        retryAfterMs: 0,
        attempt: {
          failed: () => settle(() => undefined),
          succeeded: () =>
            settle(() => {
              attempts.delete(keys[0]!);
              for (const key of keys.slice(1)) takeBack(key, at);
            }),
          cancelled: () => settle(() => keys.forEach((key) => takeBack(key, at))),
        },
      };
    },
    size: () => attempts.size,
  };
}
