/** The tabs of Settings, in order: device settings, the user's own profile, user management (Sales Manager), keys. */
export const SETTINGS_TABS = ['general', 'profile', 'users', 'keyboard'] as const;
export type SettingsTabName = (typeof SETTINGS_TABS)[number];
