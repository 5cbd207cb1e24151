import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { AuthErrorCode } from '@domain/auth-protocol';
import { AuthRequestError } from '../../../renderer/auth/auth-request';
import { describeAuthError } from '../../../renderer/auth/describe-auth-error';
import { OfflineError } from '../../../renderer/db/sync/sync-http';
import { en } from '../../../renderer/i18n/en';
import { es } from '../../../renderer/i18n/es';

const CODES: readonly AuthErrorCode[] = [
  'auth.required',
  'auth.invalidToken',
  'auth.invalidCredentials',
  'auth.refreshInvalid',
  'auth.deactivated',
  'auth.rateLimited',
  'auth.setupDone',
  'auth.localOnly',
  'auth.localKeyInvalid',
  'auth.busy',
  'auth.emailTaken',
  'auth.weakPassword',
  'user.notFound',
  'permission.denied',
];

async function translator(lng: 'en' | 'es') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { en: { translation: en }, es: { translation: es } }, fallbackLng: false });
  return instance.t;
}

describe('auth error messages', () => {
  it('has its own English and Spanish sentence for every auth error code', async () => {
    const [tEn, tEs] = await Promise.all([translator('en'), translator('es')]);
    for (const code of CODES) {
      const error = new AuthRequestError(401, code, 'raw server text');
      const english = describeAuthError(tEn, error);
      const spanish = describeAuthError(tEs, error);
      expect(english, code).not.toMatch(/authErrors|raw server text|\{\{/);
      expect(spanish, code).not.toMatch(/authErrors|raw server text|\{\{/);
      expect(spanish, code).not.toBe(english);
    }
  });

  it('says when to try again after too many attempts', async () => {
    const t = await translator('en');
    expect(describeAuthError(t, new AuthRequestError(429, 'auth.rateLimited', 'x', 90))).toBe(
      'Too many attempts. Try again in 2 minutes.',
    );
    expect(describeAuthError(t, new AuthRequestError(429, 'auth.rateLimited', 'x', 20))).toBe(
      'Too many attempts. Try again in 1 minute.',
    );
  });

  it('says that the first sign-in needs the server when offline', async () => {
    const t = await translator('en');
    expect(describeAuthError(t, new OfflineError('fetch failed'), { firstSignIn: true })).toMatch(
      /first sign-in on a device needs the server/,
    );
  });
});
