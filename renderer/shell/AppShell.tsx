import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands } from '../commands/command-store';
import { usePreferences } from '../db/device-preferences';
import { useCan } from '../auth/use-permissions';
import { CheatSheet } from '../commands/CheatSheet';
import { CommandHost } from '../commands/CommandHost';
import { CommandPalette } from '../palette/CommandPalette';
import { useCommandSurface } from '../commands/surfaces';
import { COMMANDS } from './commands-list';
import { SessionEndedBanner } from '../features/auth/SessionEndedBanner';
import { DesktopSyncReporter } from './DesktopSyncReporter';
import { DrawerHost } from './DrawerHost';
import { Header } from './Header';
import { routeTable, sectionOf } from './registry';
import { SideNav } from './SideNav';
import type { PreferencesSurface } from './preference-commands';
import type { AssignSurface } from './record-commands';
import { Toasts } from './Toasts';
import { useAssignToMe } from './use-assign-to-me';
import { useAddressSync } from './use-address-sync';
import { useUi } from './ui-store';

export function AppShell() {
  const { t } = useTranslation();
  useAddressSync(routeTable());
  // Commands ask whether the user may create the section's records (`C`) through this surface.
  useCommandSurface('can', useCan());
  // The user's own key bindings, kept with this device's preferences (Settings → Keyboard).
  const [prefs, savePreferences] = usePreferences();
  useEffect(() => useCommands.getState().setOverrides(prefs.keyBindings), [prefs.keyBindings]);
  // Theme and language by name (the palette), saved as Settings saves them; App applies them.
  useCommandSurface<PreferencesSurface>('preferences', {
    theme: prefs.theme,
    locale: prefs.locale,
    save: (patch) => void savePreferences(patch),
  });
  useCommandSurface<AssignSurface>('assign', useAssignToMe());
  const section = sectionOf(useUi((s) => s.section));
  const Page = section?.page;
  return (
    <div className="shell">
      <SideNav />
      <div className="main">
        <Header />
        <SessionEndedBanner />
        <div className="layout-with-drawer">
          <main className="content" aria-label={section ? t(section.label) : undefined}>
            {Page && <Page key={section.route} />}
          </main>
          <DrawerHost />
        </div>
      </div>
      <Toasts />
      <DesktopSyncReporter />
      <CommandHost commands={COMMANDS} />
      <CheatSheet />
      <CommandPalette />
    </div>
  );
}
