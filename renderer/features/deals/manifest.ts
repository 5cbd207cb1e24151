import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { Handshake } from 'lucide-react';
import type { FeatureManifest } from '../../shell/manifest';
import { createCommand } from '../../shell/record-commands';
import { DEAL_COMMANDS } from './deal-commands';
import { DealDrawer } from './DealDrawer';
import { DealsPage } from './DealsPage';

export const dealsManifest: FeatureManifest = {
  id: 'deals',
  section: {
    route: 'deals',
    label: 'nav.deals',
    icon: Handshake,
    goKey: 'd',
    order: 30,
    page: DealsPage,
    recordCollection: 'deals',
  },
  drawers: { deals: DealDrawer },
  commands: [createCommand('deals', 'deals.new'), ...DEAL_COMMANDS],
  defaultViews: DEFAULT_VIEWS.deals,
};
