import { decodeProtectedHeader, SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN_TYPE,
  CLOCK_LEEWAY_SECONDS,
  signAccessToken,
  verifyAccessToken,
} from '../../../sync-server/auth/access-token';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const TTL_MS = 15 * 60_000;
const KEY = new Uint8Array(32).fill(7);
const OTHER_KEY = new Uint8Array(32).fill(8);
const subject = { sub: 'u1', role: 'ACCOUNT_EXECUTIVE' as const, team: 't1', ver: 3 };
/** The keyring a server holds: one key, under its id. */
const ring = async (kid: string) => (kid === 'k1' ? KEY : undefined);
const seconds = (ms: number) => Math.floor(ms / 1000);

/** A token made with jose directly, for shapes the server never issues. */
function craft(
  payload: JWTPayload,
  header: Record<string, unknown> = { alg: 'HS256', typ: ACCESS_TOKEN_TYPE, kid: 'k1' },
  key: Uint8Array = KEY,
) {
  return new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(key);
}
const fullClaims = { ...subject, iat: seconds(NOW), exp: seconds(NOW + TTL_MS) };

describe('access tokens', () => {
  it('are standard HS256 JWTs that name their key and type, and read back with their claims', async () => {
    const token = await signAccessToken(subject, { kid: 'k1', key: KEY }, NOW, TTL_MS);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: ACCESS_TOKEN_TYPE, kid: 'k1' });
    expect(await verifyAccessToken(token, ring, NOW + 60_000, TTL_MS)).toEqual({
      ok: true,
      kid: 'k1',
      claims: { ...subject, iat: seconds(NOW), exp: seconds(NOW + TTL_MS) },
    });
  });

  it('stop working the second they expire: no leeway on expiry', async () => {
    const token = await signAccessToken(subject, { kid: 'k1', key: KEY }, NOW, TTL_MS);
    expect((await verifyAccessToken(token, ring, NOW + TTL_MS - 1, TTL_MS)).ok).toBe(true);
    expect(await verifyAccessToken(token, ring, NOW + TTL_MS, TTL_MS)).toEqual({ ok: false, reason: 'expired' });
  });

  it('accept an issue time a few seconds ahead (another instance’s clock), and refuse one further ahead', async () => {
    const slightlyAhead = await signAccessToken(subject, { kid: 'k1', key: KEY }, NOW + 3_000, TTL_MS);
    expect((await verifyAccessToken(slightlyAhead, ring, NOW, TTL_MS)).ok).toBe(true);
    const farAhead = NOW + (CLOCK_LEEWAY_SECONDS + 5) * 1000;
    const fromTheFuture = await signAccessToken(subject, { kid: 'k1', key: KEY }, farAhead, TTL_MS);
    expect(await verifyAccessToken(fromTheFuture, ring, NOW, TTL_MS)).toEqual({ ok: false, reason: 'claims' });
  });

  it('refuse a token not valid yet (nbf) and one that claims a longer life than the server gives', async () => {
    const notYet = await craft({ ...fullClaims, nbf: seconds(NOW) + CLOCK_LEEWAY_SECONDS + 60 });
    expect(await verifyAccessToken(notYet, ring, NOW, TTL_MS)).toEqual({ ok: false, reason: 'claims' });
    const soon = await craft({ ...fullClaims, nbf: seconds(NOW) + 1 });
    expect((await verifyAccessToken(soon, ring, NOW, TTL_MS)).ok).toBe(true);
    const tooLong = await craft({ ...fullClaims, iat: seconds(NOW - 2 * TTL_MS), exp: seconds(NOW + TTL_MS) });
    expect(await verifyAccessToken(tooLong, ring, NOW, TTL_MS)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse claims the server relies on when they are missing or of the wrong kind', async () => {
    const without = (name: keyof typeof fullClaims) => {
      const rest: Record<string, unknown> = { ...fullClaims };
      delete rest[name];
      return rest;
    };
    for (const payload of [
      without('sub'),
      without('exp'),
      without('iat'),
      without('ver'),
      { ...fullClaims, sub: '' },
      { ...fullClaims, ver: -1 },
      { ...fullClaims, ver: 1.5 },
      { ...fullClaims, ver: '3' },
      { ...fullClaims, role: 'OVERLORD' },
    ]) {
      const check = await verifyAccessToken(await craft(payload), ring, NOW, TTL_MS);
      expect(check, JSON.stringify(payload)).toEqual({ ok: false, reason: 'claims' });
    }
  });

  it('refuse a token from a key that is not in the keyring, without a key id, or signed by another key', async () => {
    const unknownKid = await signAccessToken(subject, { kid: 'k9', key: KEY }, NOW, TTL_MS);
    expect(await verifyAccessToken(unknownKid, ring, NOW, TTL_MS)).toEqual({ ok: false, reason: 'unknownKey' });
    const noKid = await craft(fullClaims, { alg: 'HS256', typ: ACCESS_TOKEN_TYPE });
    expect(await verifyAccessToken(noKid, ring, NOW, TTL_MS)).toEqual({ ok: false, reason: 'unknownKey' });
    const otherKey = await signAccessToken(subject, { kid: 'k1', key: OTHER_KEY }, NOW, TTL_MS);
    expect(await verifyAccessToken(otherKey, ring, NOW, TTL_MS)).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuse a tampered payload, another algorithm or token type, and garbage', async () => {
    const token = await signAccessToken(subject, { kid: 'k1', key: KEY }, NOW, TTL_MS);
    const [header, , signature] = token.split('.');
    const promoted = Buffer.from(JSON.stringify({ ...fullClaims, role: 'SALES_MANAGER' })).toString('base64url');
    expect(await verifyAccessToken(`${header}.${promoted}.${signature}`, ring, NOW, TTL_MS)).toEqual({
      ok: false,
      reason: 'signature',
    });
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'k1' })).toString('base64url')}.${promoted}.`;
    expect((await verifyAccessToken(unsigned, ring, NOW, TTL_MS)).ok).toBe(false);
    const hs512 = await craft(fullClaims, { alg: 'HS512', typ: ACCESS_TOKEN_TYPE, kid: 'k1' });
    expect((await verifyAccessToken(hs512, ring, NOW, TTL_MS)).ok).toBe(false);
    const plainJwt = await craft(fullClaims, { alg: 'HS256', typ: 'JWT', kid: 'k1' });
    expect(await verifyAccessToken(plainJwt, ring, NOW, TTL_MS)).toEqual({ ok: false, reason: 'claims' });
    expect(await verifyAccessToken('x.y', ring, NOW, TTL_MS)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifyAccessToken('', ring, NOW, TTL_MS)).toEqual({ ok: false, reason: 'malformed' });
  });
});
