import { join } from 'node:path';
import { safeCsvFileName, type SaveFileResult } from '@domain/desktop-bridge';

/** Electron's save dialog and the file system, injected (docs/adr/0001: no Electron runtime here). */
export interface CsvFileSaverDeps {
  showSaveDialog(options: {
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  writeFile(path: string, text: string): Promise<void>;
  /** The folder the dialog opens in (the user's Documents). */
  defaultFolder(): string;
}

/**
 * The bridge's saveCsvFile in main: the person picks the path in the native dialog and main writes
 * the text there. The page only suggests a file name, cleaned to a bare `*.csv` name first.
 */
export function createCsvFileSaver(deps: CsvFileSaverDeps) {
  return async (suggestedName: string, text: string): Promise<SaveFileResult> => {
    const answer = await deps.showSaveDialog({
      defaultPath: join(deps.defaultFolder(), safeCsvFileName(suggestedName)),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    if (answer.canceled || !answer.filePath) return 'cancelled';
    await deps.writeFile(answer.filePath, text);
    return 'saved';
  };
}
