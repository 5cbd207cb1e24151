import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download } from 'lucide-react';
import { viewQuery } from '@domain/record-views/view-query';
import type { ViewState } from '@domain/record-views/view-state';
import { useActor } from '../../auth/use-permissions';
import { useCsvExport } from '../../db/use-csv-export';
import { useUi } from '../../shell/ui-store';
import { exportColumnsOf } from './export-columns';
import type { TableField, TableSection } from './table-field';

/**
 * "Export CSV": the records of the view as it is arranged now (its filters and order), with its
 * visible columns in their order, saved as a file (the desktop's save dialog, or a download).
 */
export function ExportButton({
  section,
  view,
  fields,
}: {
  section: TableSection;
  view: ViewState;
  fields: readonly TableField[];
}) {
  const { t } = useTranslation();
  const actor = useActor();
  const exportCsv = useCsvExport();
  const showToast = useUi((s) => s.showToast);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const columns = exportColumnsOf(t, section, view, fields);
    const { selector, sort } = viewQuery(section, view, actor, new Date());
    setBusy(true);
    try {
      if (await exportCsv(section, { selector, sort }, columns)) showToast(t('recordTable.exported'));
    } catch (error) {
      showToast(t('recordTable.exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="btn" disabled={busy} aria-busy={busy} onClick={() => void run()}>
      <Download size={16} aria-hidden="true" />
      {busy ? t('recordTable.exporting') : t('recordTable.export')}
    </button>
  );
}
