import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@domain/desktop-bridge';
import { usePreferences, type DevicePreferences } from '../../db/device-preferences';
import { getBridge } from '../../platform/bridge';
import { SelectField } from '../../ui/fields';
import { DemoDataCard } from './DemoDataCard';
import { SyncSettingsCard } from './SyncSettingsCard';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const [prefs, save] = usePreferences();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void getBridge().appInfo().then(setInfo);
  }, []);
  return (
    <div className="settings-grid">
      <section className="card settings-card" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">{t('settings.appearance')}</h2>
        <div className="settings-row">
          <SelectField
            label={t('settings.language')}
            value={prefs.locale}
            onChange={(locale) => {
              void save({ locale: locale as DevicePreferences['locale'] });
              void i18n.changeLanguage(locale);
            }}
            options={[
              { value: 'en', label: t('settings.languages.en') },
              { value: 'es', label: t('settings.languages.es') },
            ]}
          />
          <SelectField
            label={t('settings.theme')}
            value={prefs.theme}
            onChange={(theme) => void save({ theme: theme as DevicePreferences['theme'] })}
            options={(['system', 'light', 'dark'] as const).map((value) => ({
              value,
              label: t(`header.themes.${value}`),
            }))}
          />
        </div>
      </section>
      <SyncSettingsCard />
      <DemoDataCard />
      <section className="card settings-card" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about')}</h2>
        {info && (
          <p className="muted">
            {t('settings.version', { version: info.version, shell: t(`settings.shells.${info.shell}`) })}
          </p>
        )}
      </section>
    </div>
  );
}
