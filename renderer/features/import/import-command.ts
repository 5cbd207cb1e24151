import type { Command } from '../../commands/command';
import { useImportWizard } from './import-store';

/** "Import from CSV…": by name in the palette, no key of its own. */
export const IMPORT_CSV_COMMAND: Command = {
  id: 'import.csv',
  title: 'csv.command',
  scope: 'global',
  keys: [],
  run: () => useImportWizard.getState().show(),
};
