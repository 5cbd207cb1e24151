import { Settings } from 'lucide-react';
import type { FeatureManifest } from '../../shell/manifest';
import { SettingsPage } from './SettingsPage';
import { SETTINGS_TABS } from './settings-tabs';

export const settingsManifest: FeatureManifest = {
  id: 'settings',
  section: {
    route: 'settings',
    label: 'nav.settings',
    icon: Settings,
    goKey: 's',
    goChord: 'Mod+,',
    order: 100,
    placement: 'end',
    page: SettingsPage,
    tabs: SETTINGS_TABS,
  },
  commands: [],
  defaultViews: [],
};
