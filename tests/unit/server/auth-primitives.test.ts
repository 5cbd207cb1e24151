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
  it('locks an account after repeated failures, from any address, until the window passes', () => {
    let now = NOW;
    const limiter = createLoginRateLimiter(
      { account: { maxFailures: 5, windowMs: 15 * 60_000 }, address: { maxFailures: 20, windowMs: 15 * 60_000 } },
      () => now,
    );
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfterMs(['account:ana@x.com', `address:10.0.0.${i}`])).toBe(0);
      limiter.recordFailure(['account:ana@x.com', `address:10.0.0.${i}`]);
      now += 1000;
    }
    expect(limiter.retryAfterMs(['account:ana@x.com', 'address:10.0.0.9'])).toBeGreaterThan(0);
    expect(limiter.retryAfterMs(['account:bob@x.com', 'address:10.0.0.9'])).toBe(0);
    now += 15 * 60_000;
    expect(limiter.retryAfterMs(['account:ana@x.com', 'address:10.0.0.9'])).toBe(0);
  });

  it('slows one address trying many accounts', () => {
    const limiter = createLoginRateLimiter({
      account: { maxFailures: 5, windowMs: 60_000 },
      address: { maxFailures: 3, windowMs: 60_000 },
    });
    for (const who of ['a', 'b', 'c']) limiter.recordFailure([`account:${who}`, 'address:1.2.3.4']);
    expect(limiter.retryAfterMs(['account:d', 'address:1.2.3.4'])).toBeGreaterThan(0);
  });
});
