import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download } from 'lucide-react';
import type { ExportColumn } from '@domain/csv-export';
import { exportFieldsOf } from '@domain/record-views/export-fields';
import { viewQuery } from '@domain/record-views/view-query';
import type { ViewState } from '@domain/record-views/view-state';
import { useActor } from '../../auth/use-permissions';
import { useCsvExport } from '../../db/use-csv-export';
import { isMessageKey } from '../../i18n/message-key';
import { useUi } from '../../shell/ui-store';
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
    const labels = new Map(fields.map((f) => [f.field.id, f.label]));
    const columns: ExportColumn[] = view.columns.flatMap(({ field }) => {
      const exported = exportFieldsOf(section, field);
      return exported.map((property) => {
        const own = `${section}.fields.${property}`;
        const header = exported.length === 1 ? (labels.get(field) ?? property) : isMessageKey(own) ? t(own) : property;
        return { field: property, header };
      });
    });
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
