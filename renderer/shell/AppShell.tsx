import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/use-permissions';
import { usePreferences } from '../db/device-preferences';
import { CheatSheet } from '../commands/CheatSheet';
import { CommandHost } from '../commands/CommandHost';
import { CommandPalette } from '../palette/CommandPalette';
import { useCommandSurface } from '../commands/surfaces';
import { useSavedKeyBindings } from '../commands/use-saved-key-bindings';
import { COMMANDS } from './commands-list';
import { SessionEndedBanner } from '../features/auth';
import { DesktopMenuKeys } from './DesktopMenuKeys';
import { DesktopSyncReporter } from './DesktopSyncReporter';
import { DrawerHost } from './DrawerHost';
import { Header } from './Header';
import { allOverlays, routeTable, sectionOf } from './registry';
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
  useSavedKeyBindings();
  // Theme and language by name (the palette), saved as Settings saves them; App applies them.
  const [prefs, savePreferences] = usePreferences();
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
      <DesktopMenuKeys />
      <CommandHost commands={COMMANDS} />
      <CheatSheet />
      <CommandPalette />
      {allOverlays().map((Overlay, i) => (
        <Overlay key={i} />
      ))}
    </div>
  );
}
