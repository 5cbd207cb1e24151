import { describe, expect, it } from 'vitest';
import { openSuccessor, sealSuccessor } from '../../../sync-server/auth/refresh-successor';
import { issueRefreshToken, parseRefreshToken } from '../../../sync-server/auth/refresh-token';

describe('the sealed successor of a rotated refresh token', () => {
  const rotated = parseRefreshToken(issueRefreshToken().token)!;
  const successor = issueRefreshToken().token;

  it('opens with the rotated token’s own secret and id', () => {
    const sealed = sealSuccessor(rotated.secret, rotated.id, successor);
    expect(openSuccessor(rotated.secret, rotated.id, sealed)).toBe(successor);
  });

  it('does not contain the successor in the clear, and differs each time it is sealed', () => {
    const a = sealSuccessor(rotated.secret, rotated.id, successor);
    const b = sealSuccessor(rotated.secret, rotated.id, successor);
    expect(a).not.toContain(successor.split('.')[1]);
    expect(a).not.toBe(b);
  });

  it('opens to nothing with another secret, another token id, or a tampered seal', () => {
    const sealed = sealSuccessor(rotated.secret, rotated.id, successor);
    const other = parseRefreshToken(issueRefreshToken().token)!;
    expect(openSuccessor(other.secret, rotated.id, sealed)).toBeNull();
    expect(openSuccessor(rotated.secret, other.id, sealed)).toBeNull();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[20] = bytes[20]! ^ 1;
    expect(openSuccessor(rotated.secret, rotated.id, bytes.toString('base64url'))).toBeNull();
    expect(openSuccessor(rotated.secret, rotated.id, 'short')).toBeNull();
  });
});
