import { createHash, randomBytes } from 'node:crypto';

/**
 * Refresh tokens are random and stored only as a hash: a copy of the database gives no sessions.
 * `<id>.<secret>`: the id finds the row, the secret proves possession.
 */
export interface IssuedRefreshToken {
  id: string;
  token: string;
  hash: string;
}

export function issueRefreshToken(): IssuedRefreshToken {
  const id = randomBytes(9).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `${id}.${secret}`, hash: hashRefreshSecret(secret) };
}

export function hashRefreshSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function parseRefreshToken(token: unknown): { id: string; secret: string } | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const match = /^([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}
