import { describe, expect, it } from 'vitest';
import { createLoginRateLimiter } from '../../../sync-server/auth/login-rate-limiter';
import { hashPassword, passwordProblem, verifyPassword } from '../../../sync-server/auth/password-hash';
import { issueRefreshToken, parseRefreshToken, hashRefreshSecret } from '../../../sync-server/auth/refresh-token';

const FAST = { N: 1 << 10, r: 8, p: 1 };
const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery', FAST);
    const b = await hashPassword('correct horse battery', FAST);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });

  it('asks for passwords of at least 10 characters', () => {
    expect(passwordProblem('short')).toBe('tooShort');
    expect(passwordProblem('long enough pass')).toBeNull();
  });
});

describe('refresh tokens', () => {
  it('are stored as a hash and parsed back into id and secret', () => {
    const issued = issueRefreshToken();
    const parsed = parseRefreshToken(issued.token)!;
    expect(parsed.id).toBe(issued.id);
    expect(hashRefreshSecret(parsed.secret)).toBe(issued.hash);
    expect(parseRefreshToken('nope')).toBeNull();
    expect(parseRefreshToken(42)).toBeNull();
  });
});

describe('login rate limiting', () => {
  const RULES = {
    account: { maxFailures: 5, windowMs: 15 * 60_000 },
    address: { maxFailures: 20, windowMs: 15 * 60_000 },
  };

  it('locks an account after repeated failures, from any address, until the window passes', () => {
    let now = NOW;
    const limiter = createLoginRateLimiter(RULES, { now: () => now });
    for (let i = 0; i < 5; i++) {
      const { attempt } = limiter.reserve(['account:ana@x.com', `address:10.0.0.${i}`]);
      expect(attempt).not.toBeNull();
      attempt!.failed();
      now += 1000;
    }
    expect(limiter.reserve(['account:ana@x.com', 'address:10.0.0.9']).retryAfterMs).toBeGreaterThan(0);
    expect(limiter.reserve(['account:bob@x.com', 'address:10.0.0.9']).attempt).not.toBeNull();
    now += 15 * 60_000;
    expect(limiter.reserve(['account:ana@x.com', 'address:10.0.0.9']).attempt).not.toBeNull();
  });

  it('slows one address trying many accounts', () => {
    const limiter = createLoginRateLimiter({
      account: { maxFailures: 5, windowMs: 60_000 },
      address: { maxFailures: 3, windowMs: 60_000 },
    });
    for (const who of ['a', 'b', 'c']) limiter.reserve([`account:${who}`, 'address:1.2.3.4']).attempt!.failed();
    expect(limiter.reserve(['account:d', 'address:1.2.3.4']).retryAfterMs).toBeGreaterThan(0);
  });

  it('counts attempts still being checked, so concurrent guesses cannot pass the limit', () => {
    const limiter = createLoginRateLimiter(RULES, { now: () => NOW });
    const burst = Array.from({ length: 20 }, (_, i) => limiter.reserve(['account:ana@x.com', `address:10.0.0.${i}`]));
    expect(burst.filter((r) => r.attempt !== null)).toHaveLength(5);
    expect(burst.slice(5).every((r) => r.attempt === null && r.retryAfterMs === 15 * 60_000)).toBe(true);
  });

  it('takes back an attempt that was right, clearing the account but not the address', () => {
    const limiter = createLoginRateLimiter(
      { account: { maxFailures: 2, windowMs: 60_000 }, address: { maxFailures: 3, windowMs: 60_000 } },
      { now: () => NOW },
    );
    limiter.reserve(['account:ana', 'address:a']).attempt!.failed();
    const right = limiter.reserve(['account:ana', 'address:a']).attempt!;
    expect(limiter.reserve(['account:ana', 'address:a']).attempt).toBeNull();
    right.succeeded();
    right.failed(); // settled once: a late second outcome changes nothing
    limiter.reserve(['account:ana', 'address:a']).attempt!.failed();
    // The address keeps its two failures; the right attempt no longer counts against it.
    limiter.reserve(['account:bob', 'address:a']).attempt!.failed();
    expect(limiter.reserve(['account:cho', 'address:a']).attempt).toBeNull();
  });

  it('takes back an attempt whose check could not finish', () => {
    const limiter = createLoginRateLimiter(
      { account: { maxFailures: 1, windowMs: 60_000 }, address: { maxFailures: 9, windowMs: 60_000 } },
      { now: () => NOW },
    );
    limiter.reserve(['account:ana', 'address:a']).attempt!.cancelled();
    expect(limiter.reserve(['account:ana', 'address:a']).attempt).not.toBeNull();
  });

  it('forgets keys whose window has passed, and never holds more keys than its cap', () => {
    let now = NOW;
    const limiter = createLoginRateLimiter(RULES, { now: () => now, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) limiter.reserve([`account:guess${i}@x.com`, `address:10.0.${i >> 8}.${i & 255}`]);
    expect(limiter.size()).toBeLessThanOrEqual(100);

    // The account under attack is counted at every try, so a flood of others does not evict it.
    for (let i = 0; i < 5; i++) {
      limiter.reserve(['account:ana@x.com', 'address:10.9.9.9']).attempt?.failed();
      for (let j = 0; j < 40; j++) limiter.reserve([`account:flood${i}-${j}@x.com`, `address:10.8.${i}.${j}`]);
    }
    expect(limiter.reserve(['account:ana@x.com', 'address:10.7.7.7']).attempt).toBeNull();

    now += 15 * 60_000 + 1;
    limiter.reserve(['account:late@x.com', 'address:10.6.6.6']);
    expect(limiter.size()).toBe(2);
  });
});
