import { ChartColumn } from 'lucide-react';
import type { FeatureManifest } from '../../shell/manifest';
import { comingSoonPage } from '../ComingSoon';

export const reportsManifest: FeatureManifest = {
  id: 'reports',
  section: {
    route: 'reports',
    label: 'nav.reports',
    icon: ChartColumn,
    goKey: 'r',
    order: 80,
    page: comingSoonPage(ChartColumn, 'reports'),
  },
  commands: [],
  defaultViews: [],
};
