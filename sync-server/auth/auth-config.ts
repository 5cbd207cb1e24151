import type { AuthMode } from '@domain/auth-protocol';
import type { PasswordHashCost } from './password-hash';
import type { PasswordHashingOptions } from './password-hasher';

/** How a server signs people in (ServerConfig.auth). */
export interface AuthConfig {
  /**
   * `single-user`: the desktop's embedded server; the machine's owner is signed in without a
   * password through /auth/local-session, so the server must listen on loopback only and answers
   * no other machine. `team`: accounts with passwords, created by a Sales Manager.
   */
  mode: AuthMode;
  /** Clock of tokens and rate limits (tests move it to expire tokens); the server clock by default. */
  now?: () => number;
  /** scrypt cost of new password hashes; tests pass a cheap one. Production keeps the default. */
  passwordCost?: PasswordHashCost;
  /**
   * Single-user mode: the launch key that POST /auth/local-session must present (header
   * LOCAL_KEY_HEADER), made by whoever started this server and handed only to the app it started.
   * Without one, nobody gets the owner's session. Never logged.
   */
  localKey?: string;
  /** How many password hashes run and wait at once (password-hasher.ts); tests make it small. */
  hashing?: PasswordHashingOptions;
}

/** A remote or local socket address on this machine (IPv4, IPv6, or IPv4 mapped into IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/** A host name or address to listen on that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host.replace(/^\[|\]$/g, ''));
}

/**
 * Single-user mode signs the owner in without a password: refuse to start it where other
 * machines could connect (docs/security.md, "Accounts and sign-in").
 */
export function assertAuthModeFitsHost(mode: AuthMode, host: string): void {
  if (mode === 'single-user' && !isLoopbackHost(host)) {
    throw new Error(
      `single-user mode signs in without a password, so it listens on loopback only (127.0.0.1, ::1, localhost), not on ${host}: use --auth team to serve other machines`,
    );
  }
}
