import {
  LOCAL_KEY_HEADER,
  type AuthStatus,
  type LoginRequest,
  type SessionGrant,
  type SessionUser,
  type SetupRequest,
} from '@domain/auth-protocol';
import type { Locale } from '@domain/schemas/user-profile';
import { requestJson } from './auth-request';

/**
 * The sign-in routes of docs/security.md (domain/auth-protocol.ts), as plain functions of the
 * server's base URL. Admin routes that need a token go through the session keeper (admin-api.ts).
 */
export const authClient = {
  status: (serverUrl: string) => requestJson<AuthStatus>(serverUrl, '/auth/status', { timeoutMs: 8_000 }),
  setup: (serverUrl: string, body: SetupRequest) =>
    requestJson<SessionGrant>(serverUrl, '/auth/setup', { method: 'POST', body }),
  login: (serverUrl: string, body: LoginRequest) =>
    requestJson<SessionGrant>(serverUrl, '/auth/login', { method: 'POST', body }),
  /**
   * Single-user mode (the embedded server): signs in as its one owner, created on first use, with
   * the launch key of the app that started the server (the bridge's localSessionKey).
   */
  localSession: (serverUrl: string, body: { name?: string; locale?: Locale }, localKey: string | null) =>
    requestJson<SessionGrant>(serverUrl, '/auth/local-session', {
      method: 'POST',
      body,
      headers: localKey ? { [LOCAL_KEY_HEADER]: localKey } : {},
    }),
  refresh: (serverUrl: string, refreshToken: string) =>
    requestJson<SessionGrant>(serverUrl, '/auth/refresh', { method: 'POST', body: { refreshToken } }),
  logout: (serverUrl: string, refreshToken: string) =>
    requestJson<void>(serverUrl, '/auth/logout', { method: 'POST', body: { refreshToken }, timeoutMs: 5_000 }),
  me: (serverUrl: string, token: string) => requestJson<SessionUser>(serverUrl, '/auth/me', { token }),
};

/** A short description of this device for the user's session list, e.g. "Outpost desktop on Linux". */
export function deviceName(shell: 'desktop' | 'web', os: string): string {
  return `Outpost ${shell === 'desktop' ? 'desktop' : 'web'} on ${os || 'unknown'}`.slice(0, 100);
}
