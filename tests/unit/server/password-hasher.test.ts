import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../sync-server/http/api-error';
import { createPasswordHasher } from '../../../sync-server/auth/password-hasher';

const FAST = { N: 1 << 10, r: 8, p: 1 };

describe('password hashing queue', () => {
  it('runs a few hashes and keeps a few waiting, and refuses the rest as busy with Retry-After', async () => {
    const hasher = createPasswordHasher(FAST, { concurrency: 1, maxWaiting: 2 });
    const encoded = await hasher.hash('correct horse battery');
    const burst = Array.from({ length: 6 }, (_, i) =>
      hasher.verify(i === 0 ? 'correct horse battery' : `guess ${i}`, encoded).then(
        (right) => ({ right }),
        (error: unknown) => ({ error }),
      ),
    );
    const answers = await Promise.all(burst);
    expect(answers.slice(0, 3)).toEqual([{ right: true }, { right: false }, { right: false }]);
    for (const answer of answers.slice(3)) {
      const error = (answer as { error: HttpError }).error;
      expect(error).toBeInstanceOf(HttpError);
      expect({ status: error.statusCode, code: error.code, headers: error.headers }).toEqual({
        status: 503,
        code: 'auth.busy',
        headers: { 'Retry-After': '1' },
      });
    }
    // Once the queue has drained, checks are taken again.
    await expect(hasher.verify('correct horse battery', encoded)).resolves.toBe(true);
  });
});
