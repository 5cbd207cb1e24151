import { CompanyDrawer } from '../features/companies/CompanyDrawer';
import { ContactDrawer } from '../features/contacts/ContactDrawer';
import { DealDrawer } from '../features/deals/DealDrawer';
import { LeadDrawer } from '../features/leads/LeadDrawer';
import { useUi } from './ui-store';

/** The right-hand drawer shows whichever record is open, from any section. */
export function DrawerHost() {
  const drawer = useUi((s) => s.drawer);
  if (!drawer) return null;
  const key = `${drawer.collection}:${drawer.id}`;
  switch (drawer.collection) {
    case 'companies':
      return <CompanyDrawer key={key} id={drawer.id} />;
    case 'contacts':
      return <ContactDrawer key={key} id={drawer.id} prefill={drawer.prefill} />;
    case 'leads':
      return <LeadDrawer key={key} id={drawer.id} prefill={drawer.prefill} />;
    case 'deals':
      return <DealDrawer key={key} id={drawer.id} prefill={drawer.prefill} />;
  }
}
