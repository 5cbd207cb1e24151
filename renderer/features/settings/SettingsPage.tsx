import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@domain/desktop-bridge';
import { usePreferences, type DevicePreferences } from '../../db/device-preferences';
import { getBridge } from '../../platform/bridge';
import { useIsWorkspaceAdmin } from '../../auth/use-permissions';
import { useUi } from '../../shell/ui-store';
import { SelectField } from '../../ui/fields';
import { DemoDataCard } from './DemoDataCard';
import { KeyboardSettings } from './KeyboardSettings';
import { PipelinesCard } from './PipelinesCard';
import { ProfileSettings } from './ProfileSettings';
import { SyncSettingsCard } from './SyncSettingsCard';
import type { SettingsTabName } from './settings-tabs';
import { UsersSettings } from './UsersSettings';

/** Settings as tabs: this device, the user's profile, and (Sales Manager only) the team's accounts. */
export function SettingsPage() {
  const { t } = useTranslation();
  const isAdmin = useIsWorkspaceAdmin();
  const requested = useUi((s) => s.settingsTab);
  const openSettings = useUi((s) => s.openSettings);
  const tabs: SettingsTabName[] = isAdmin
    ? ['general', 'profile', 'users', 'keyboard']
    : ['general', 'profile', 'keyboard'];
  const tab = tabs.find((name) => name === requested) ?? 'general';
  const baseId = useId();
  const tabId = (name: SettingsTabName) => `${baseId}-tab-${name}`;
  return (
    <div className="settings-page">
      <div className="settings-tabs" role="tablist" aria-label={t('nav.settings')}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={tabId(name)}
            aria-selected={tab === name}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className={tab === name ? 'settings-tab active' : 'settings-tab'}
            onClick={() => openSettings(name)}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const next = tabs[(tabs.indexOf(name) + step + tabs.length) % tabs.length]!;
              openSettings(next);
              document.getElementById(tabId(next))?.focus();
            }}
          >
            {t(`settingsTabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={tabId(tab)}>
        {tab === 'general' && <GeneralSettings />}
        {tab === 'profile' && <ProfileSettings />}
        {tab === 'users' && <UsersSettings />}
        {tab === 'keyboard' && <KeyboardSettings />}
      </div>
    </div>
  );
}

function GeneralSettings() {
  const { t } = useTranslation();
  const isAdmin = useIsWorkspaceAdmin();
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
            onChange={(locale) => void save({ locale: locale as DevicePreferences['locale'] })}
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
      <PipelinesCard />
      {/* Demo data writes records of every kind, for the whole team: workspace configuration. */}
      {isAdmin && <DemoDataCard />}
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
