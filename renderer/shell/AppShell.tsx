import { useTranslation } from 'react-i18next';
import { CompaniesPage } from '../features/companies/CompaniesPage';
import { ComingSoon } from '../features/ComingSoon';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { DealsPage } from '../features/deals/DealsPage';
import { LeadsPage } from '../features/leads/LeadsPage';
import { PipelinePage } from '../features/pipeline/PipelinePage';
import { SessionEndedBanner } from '../features/auth/SessionEndedBanner';
import { SettingsPage } from '../features/settings/SettingsPage';
import { DesktopSyncReporter } from './DesktopSyncReporter';
import { DrawerHost } from './DrawerHost';
import { Header } from './Header';
import { SideNav } from './SideNav';
import { Toasts } from './Toasts';
import { useUi } from './ui-store';

function SectionPage() {
  const section = useUi((s) => s.section);
  switch (section) {
    case 'companies':
      return <CompaniesPage />;
    case 'contacts':
      return <ContactsPage />;
    case 'leads':
      return <LeadsPage />;
    case 'deals':
      return <DealsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'pipeline':
      return <PipelinePage />;
    case 'activities':
      return <ComingSoon icon="◷" section="activities" />;
    case 'call-center':
      return <ComingSoon icon="☏" section="callCenter" />;
    case 'reports':
      return <ComingSoon icon="▤" section="reports" />;
  }
}

export function AppShell() {
  const { t } = useTranslation();
  const section = useUi((s) => s.section);
  return (
    <div className="shell">
      <SideNav />
      <div className="main">
        <Header />
        <SessionEndedBanner />
        <div className="layout-with-drawer">
          <main className="content" aria-label={t(`nav.${section === 'call-center' ? 'callCenter' : section}`)}>
            <SectionPage />
          </main>
          <DrawerHost />
        </div>
      </div>
      <Toasts />
      <DesktopSyncReporter />
    </div>
  );
}
