import { errors, jwtVerify, SignJWT, type CryptoKey as JoseKey } from 'jose';
import { ROLES, type Role } from '@domain/schemas/user-profile';

/** What a short-lived access token says about its bearer (docs/security.md, "Tokens and lifetimes"). */
export interface AccessClaims {
  /** User id. */
  sub: string;
  /** Informative: the authentication hook acts on the role and team the user has now. */
  role: Role;
  team: string;
  /** The account's token version when the token was issued; a later version ends the token. */
  ver: number;
  iat: number;
  exp: number;
}

export type TokenCheck =
  | { ok: true; kid: string; claims: AccessClaims }
  | { ok: false; reason: 'malformed' | 'unknownKey' | 'signature' | 'expired' | 'claims' };

/** The `typ` header of an access token (RFC 9068): a JWT of another kind is never taken for one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/**
 * Leeway for an issue time (`iat`) or start (`nbf`) slightly ahead of this server's clock: another
 * instance on the same database may run a second or two ahead. Expiry gets none: a token that
 * ends early on a slow clock costs one refresh, one accepted late is a token that should be dead.
 */
export const CLOCK_LEEWAY_SECONDS = 5;

type Key = JoseKey | Uint8Array;

/** A signed HS256 JWT naming its key (`kid`): standard, so any JWT library reads it. */
export async function signAccessToken(
  claims: Omit<AccessClaims, 'iat' | 'exp'>,
  signer: { kid: string; key: Key },
  nowMs: number,
  ttlMs: number,
): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({ role: claims.role, team: claims.team, ver: claims.ver })
    .setProtectedHeader({ alg: 'HS256', typ: ACCESS_TOKEN_TYPE, kid: signer.kid })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.floor(ttlMs / 1000))
    .sign(signer.key);
}

class UnknownKey extends Error {}

/**
 * The claims of a token this server issued and that is valid now: signed with HS256 by a key of
 * the ring (`keyOf`), of type at+jwt, not expired, issued no later than CLOCK_LEEWAY_SECONDS from
 * now and for no longer than `ttlMs`, and carrying every claim the server relies on in its type.
 */
export async function verifyAccessToken(
  token: string,
  keyOf: (kid: string) => Promise<Key | undefined> | Key | undefined,
  nowMs: number,
  ttlMs: number,
): Promise<TokenCheck> {
  let kid = '';
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(
      token,
      async (header) => {
        if (typeof header.kid !== 'string') throw new UnknownKey();
        const key = await keyOf(header.kid);
        if (!key) throw new UnknownKey();
        kid = header.kid;
        return key;
      },
      {
        algorithms: ['HS256'],
        typ: ACCESS_TOKEN_TYPE,
        currentDate: new Date(nowMs),
        clockTolerance: CLOCK_LEEWAY_SECONDS,
        maxTokenAge: Math.floor(ttlMs / 1000),
        requiredClaims: ['sub', 'iat', 'exp'],
      },
    ));
  } catch (error) {
    if (error instanceof UnknownKey) return { ok: false, reason: 'unknownKey' };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'signature' };
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JWTClaimValidationFailed) return { ok: false, reason: 'claims' };
    return { ok: false, reason: 'malformed' };
  }
  const { sub, role, team, ver, iat, exp } = payload;
  if (
    typeof sub !== 'string' ||
    sub === '' ||
    !ROLES.includes(role as Role) ||
    typeof team !== 'string' ||
    !Number.isSafeInteger(ver) ||
    (ver as number) < 0 ||
    typeof iat !== 'number' ||
    typeof exp !== 'number'
  ) {
    return { ok: false, reason: 'claims' };
  }
  // jose grants expiry the same leeway as the issue time; expiry gets none here.
  if (exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, kid, claims: { sub, role: role as Role, team, ver: ver as number, iat, exp } };
}
