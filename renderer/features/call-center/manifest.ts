import { Headset } from 'lucide-react';
import type { FeatureManifest } from '../../shell/manifest';
import { comingSoonPage } from '../ComingSoon';

export const callCenterManifest: FeatureManifest = {
  id: 'call-center',
  section: {
    route: 'call-center',
    label: 'nav.callCenter',
    icon: Headset,
    order: 70,
    page: comingSoonPage(Headset, 'callCenter'),
  },
  commands: [],
  defaultViews: [],
};
