import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { UserPlus } from 'lucide-react';
import type { FeatureManifest } from '../../shell/manifest';
import { createCommand } from '../../shell/record-commands';
import { LeadDrawer } from './LeadDrawer';
import { LeadsPage } from './LeadsPage';

export const leadsManifest: FeatureManifest = {
  id: 'leads',
  section: {
    route: 'leads',
    label: 'nav.leads',
    icon: UserPlus,
    goKey: 'l',
    order: 20,
    page: LeadsPage,
    recordCollection: 'leads',
  },
  drawers: { leads: LeadDrawer },
  commands: [createCommand('leads', 'leads.new')],
  defaultViews: DEFAULT_VIEWS.leads,
};
