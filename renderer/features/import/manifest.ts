import type { FeatureManifest } from '../../shell/manifest';
import { IMPORT_CSV_COMMAND } from './import-command';
import { ImportWizardHost } from './ImportWizardHost';

/** CSV import: no section of its own, a command that opens the wizard over any screen. */
export const importManifest: FeatureManifest = {
  id: 'import',
  commands: [IMPORT_CSV_COMMAND],
  overlays: [ImportWizardHost],
};
