/** The tabs of Settings, in order: device settings, the user's own profile, user management (Sales Manager). */
export const SETTINGS_TABS = ['general', 'profile', 'users'] as const;
export type SettingsTabName = (typeof SETTINGS_TABS)[number];
