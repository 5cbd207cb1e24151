import type { Command } from '../commands/command';
import type { DevicePreferences } from '../db/device-preferences';

/** What the shell offers commands about this device's preferences (AppShell). */
export interface PreferencesSurface {
  theme: DevicePreferences['theme'];
  locale: DevicePreferences['locale'];
  save(patch: Partial<Pick<DevicePreferences, 'theme' | 'locale'>>): void;
}

/** What the account menu offers: signing out, asking first when changes have not reached the server. */
export interface AccountSurface {
  signOut(): void;
}

const THEMES = ['light', 'dark', 'system'] as const;
const LOCALES = ['en', 'es'] as const;

const themeCommands: Command[] = THEMES.map((theme) => ({
  id: `theme.${theme}`,
  title: 'commands.useTheme',
  titleArgs: { theme: `header.themes.${theme}` },
  scope: 'global',
  keys: [],
  // The theme in force is not offered again.
  when: (ctx) => {
    const prefs = ctx.surface<PreferencesSurface>('preferences');
    return prefs !== undefined && prefs.theme !== theme;
  },
  run: (ctx) => ctx.surface<PreferencesSurface>('preferences')?.save({ theme }),
}));

const languageCommands: Command[] = LOCALES.map((locale) => ({
  id: `language.${locale}`,
  title: 'commands.useLanguage',
  titleArgs: { language: `settings.languages.${locale}` },
  scope: 'global',
  keys: [],
  when: (ctx) => {
    const prefs = ctx.surface<PreferencesSurface>('preferences');
    return prefs !== undefined && prefs.locale !== locale;
  },
  run: (ctx) => ctx.surface<PreferencesSurface>('preferences')?.save({ locale }),
}));

/** Theme, language and signing out: reachable by name from the palette. */
export const PREFERENCE_COMMANDS: readonly Command[] = [
  ...themeCommands,
  ...languageCommands,
  {
    id: 'session.signOut',
    title: 'userMenu.signOut',
    scope: 'global',
    keys: [],
    when: (ctx) => ctx.surface<AccountSurface>('account') !== undefined,
    run: (ctx) => ctx.surface<AccountSurface>('account')?.signOut(),
  },
];
