import { useTranslation } from 'react-i18next';
import { SessionEndedBanner } from '../features/auth/SessionEndedBanner';
import { DrawerHost } from './DrawerHost';
import { Header } from './Header';
import { ROUTES, sectionOf } from './registry';
import { SideNav } from './SideNav';
import { Toasts } from './Toasts';
import { useAddressSync } from './use-address-sync';
import { useUi } from './ui-store';

export function AppShell() {
  const { t } = useTranslation();
  useAddressSync(ROUTES);
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
    </div>
  );
}
