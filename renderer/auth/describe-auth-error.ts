import type { TFunction } from 'i18next';
import { AUTH_LIMITS } from '@domain/auth-protocol';
import { OfflineError, SessionEndedError } from '../db/sync/sync-http';
import { isMessageKey } from '../i18n/message-key';
import { AuthRequestError } from './auth-request';

/**
 * A failed sign-in or admin request in the user's language. `firstSignIn`: the device has no
 * session yet, so "offline" means "this needs the server once", not "try later".
 */
export function describeAuthError(t: TFunction, error: unknown, options: { firstSignIn?: boolean } = {}): string {
  if (error instanceof OfflineError) return t(options.firstSignIn ? 'authErrors.offlineFirst' : 'authErrors.offline');
  if (error instanceof SessionEndedError) return t('authErrors.auth.refreshInvalid');
  if (error instanceof AuthRequestError) {
    if (error.code === 'auth.rateLimited') {
      const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? AUTH_LIMITS.loginWindowSeconds) / 60));
      return t('authErrors.rateLimited', { count: minutes });
    }
    if (error.code === 'auth.weakPassword')
      return t('authErrors.auth.weakPassword', { min: AUTH_LIMITS.minPasswordLength });
    // A code with a sentence of its own in en.ts / es.ts (section `authErrors`).
    const known = `authErrors.${error.code}` as const;
    if (isMessageKey(known)) return t(known);
    if (error.status === 404) return t('authErrors.noAuth');
    if (error.status >= 500) return t('authErrors.server');
    return t('authErrors.unknown', { message: error.message });
  }
  return t('authErrors.unknown', { message: error instanceof Error ? error.message : String(error) });
}
