import { Handshake } from 'lucide-react';
import type { FeatureManifest } from '../../shell/manifest';
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
  commands: DEAL_COMMANDS,
  defaultViews: [],
};
