import type { FeatureManifest } from '../../shell/manifest';
import { OPEN_VIEW_COMMANDS } from './open-view-commands';
import { SavedViewCommands } from './SavedViewCommands';

/**
 * Saved views have no section of their own: they add "Open view: …" to the palette, for the views
 * each section ships with and (kept current by an overlay) the reader's own and shared ones.
 */
export const viewsManifest: FeatureManifest = {
  id: 'views',
  commands: OPEN_VIEW_COMMANDS,
  overlays: [SavedViewCommands],
};
