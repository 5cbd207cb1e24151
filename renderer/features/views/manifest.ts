import type { FeatureManifest } from '../../shell/manifest';
import { OPEN_VIEW_COMMANDS } from './open-view-commands';

/** Saved views have no section of their own: they add "Open view: …" to the palette. */
export const viewsManifest: FeatureManifest = {
  id: 'views',
  commands: OPEN_VIEW_COMMANDS,
};
