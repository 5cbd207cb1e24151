import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { Building2 } from 'lucide-react';
import type { FeatureManifest } from '../../shell/manifest';
import { createCommand } from '../../shell/record-commands';
import { CompaniesPage } from './CompaniesPage';
import { CompanyDrawer } from './CompanyDrawer';

export const companiesManifest: FeatureManifest = {
  id: 'companies',
  section: {
    route: 'companies',
    label: 'nav.companies',
    icon: Building2,
    goKey: 'o',
    order: 50,
    page: CompaniesPage,
    recordCollection: 'companies',
  },
  drawers: { companies: CompanyDrawer },
  commands: [createCommand('companies', 'companies.new')],
  defaultViews: DEFAULT_VIEWS.companies,
};
