import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '@domain/schemas/user-profile';

/** What a short-lived access token says about its bearer. */
export interface AccessClaims {
  /** User id. */
  sub: string;
  role: Role;
  team: string;
  /** The user's token version: bumped on deactivation or role/team change, it voids older tokens. */
  ver: number;
  iat: number;
  exp: number;
}

export type TokenCheck =
  { ok: true; claims: AccessClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(input: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

/** A compact HS256 JWT: standard enough for other clients to read, small enough to audit here. */
export function signAccessToken(
  claims: Omit<AccessClaims, 'iat' | 'exp'>,
  secret: Buffer,
  nowMs: number,
  ttlMs: number,
): string {
  const iat = Math.floor(nowMs / 1000);
  const payload = Buffer.from(JSON.stringify({ ...claims, iat, exp: iat + Math.floor(ttlMs / 1000) })).toString(
    'base64url',
  );
  return `${HEADER}.${payload}.${sign(`${HEADER}.${payload}`, secret)}`;
}

export function verifyAccessToken(token: string, secret: Buffer, nowMs: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || typeof claims.ver !== 'number') {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
