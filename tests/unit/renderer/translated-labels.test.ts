import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { settingLabel } from '../../../renderer/db/use-settings';
import { en } from '../../../renderer/i18n/en';
import { es } from '../../../renderer/i18n/es';
import { isMessageKey } from '../../../renderer/i18n/message-key';

async function translator(lng: 'en' | 'es') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { en: { translation: en }, es: { translation: es } }, fallbackLng: false });
  return instance.t;
}

describe('labels of configuration lists', () => {
  it('shows a built-in item in the user’s language', async () => {
    const t = await translator('es');
    const item = { key: 'web-form', label: 'Web form', retired: false };
    expect(settingLabel(t, 'lead-sources', item)).toBe('Formulario web');
  });

  it('shows an item an admin added exactly as they typed it, in every language', async () => {
    const [tEn, tEs] = await Promise.all([translator('en'), translator('es')]);
    const item = { key: 'expo-2026', label: 'Expo Lima 2026', retired: false };
    expect(settingLabel(tEn, 'lead-sources', item)).toBe('Expo Lima 2026');
    expect(settingLabel(tEs, 'lead-sources', item)).toBe('Expo Lima 2026');
    expect(settingLabel(tEs, 'teams', { key: 'north', label: 'Norte', retired: false })).toBe('Norte');
  });
});

describe('keys built at runtime', () => {
  it('accepts a key only when it names a sentence, so no raw key reaches the screen', () => {
    expect(isMessageKey('options.lost-reasons.price')).toBe(true);
    expect(isMessageKey('errors.record.appendOnly')).toBe(true);
    expect(isMessageKey('authErrors.rateLimited_other')).toBe(true);
    expect(isMessageKey('options.lost-reasons')).toBe(false);
    expect(isMessageKey('options.lost-reasons.too-slow')).toBe(false);
    expect(isMessageKey('options.lost-reasons.price.extra')).toBe(false);
  });
});
