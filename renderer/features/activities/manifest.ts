import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { CalendarClock } from 'lucide-react';
import type { FeatureManifest } from '../../shell/manifest';
import { ActivitiesPage } from './ActivitiesPage';

export const activitiesManifest: FeatureManifest = {
  id: 'activities',
  section: {
    route: 'activities',
    label: 'nav.activities',
    icon: CalendarClock,
    goKey: 'a',
    order: 60,
    page: ActivitiesPage,
  },
  commands: [],
  defaultViews: DEFAULT_VIEWS.activities,
};
