import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { Contact } from 'lucide-react';
import type { FeatureManifest } from '../../shell/manifest';
import { createCommand } from '../../shell/record-commands';
import { ContactDrawer } from './ContactDrawer';
import { ContactsPage } from './ContactsPage';

export const contactsManifest: FeatureManifest = {
  id: 'contacts',
  section: {
    route: 'contacts',
    label: 'nav.contacts',
    icon: Contact,
    goKey: 'c',
    order: 40,
    page: ContactsPage,
    recordCollection: 'contacts',
  },
  drawers: { contacts: ContactDrawer },
  commands: [createCommand('contacts', 'contacts.new')],
  defaultViews: DEFAULT_VIEWS.contacts,
};
