import { Kanban } from 'lucide-react';
import type { FeatureManifest } from '../../shell/manifest';
import { BOARD_COMMANDS, SWITCH_PIPELINE } from './board-commands';
import { PipelinePage } from './PipelinePage';

/** The board shows deals: `#/pipeline/<id>` opens a deal over it, and `C` makes a new one. */
export const pipelineManifest: FeatureManifest = {
  id: 'pipeline',
  section: {
    route: 'pipeline',
    label: 'nav.pipeline',
    icon: Kanban,
    goKey: 'p',
    order: 10,
    page: PipelinePage,
    recordCollection: 'deals',
  },
  commands: [...BOARD_COMMANDS, SWITCH_PIPELINE],
  defaultViews: [],
};
