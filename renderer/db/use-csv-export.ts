import { useTranslation } from 'react-i18next';
import type { CollectionName } from '@domain/collections';
import type { ExportColumn } from '@domain/csv-export';
import { exportRecordsToCsv } from './export-records-to-csv';
import type { RecordQuery } from './record-pages';
import { useWorkspace } from './workspace-context';

/**
 * `exportRecordsToCsv(collection, query, columns)` for a screen: the signed-in workspace, the
 * translated currency header, and the reader's spreadsheet convention (Spanish Excel reads `;`
 * files with decimal commas). The file is named after the collection and today's date.
 */
export function useCsvExport() {
  const ws = useWorkspace();
  const { t, i18n } = useTranslation();
  return (collection: CollectionName, query: RecordQuery, columns: readonly ExportColumn[]) =>
    exportRecordsToCsv(ws, collection, query, columns, {
      fileName: `${collection}-${new Date().toISOString().slice(0, 10)}.csv`,
      currencyHeader: t('csv.fields.currency'),
      separator: i18n.language.startsWith('es') ? ';' : ',',
    });
}
