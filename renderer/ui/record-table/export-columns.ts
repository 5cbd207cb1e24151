import type { TFunction } from 'i18next';
import type { ExportColumn } from '@domain/csv-export';
import { exportFieldsOf } from '@domain/record-views/export-fields';
import type { ViewState } from '@domain/record-views/view-state';
import { isMessageKey } from '../../i18n/message-key';
import type { TableField, TableSection } from './table-field';

/**
 * The columns of a view's CSV file, headed as the person reads them: a view column exported as
 * one name keeps the column's label ("Owner"); one that needs several properties heads each with
 * its own label ("First name", "Pipeline", "Lost reason"); an email column says whose it is
 * ("Owner email"), a header the import recognises (domain/csv-import/importable-fields.ts).
 */
export function exportColumnsOf(
  t: TFunction,
  section: TableSection,
  view: ViewState,
  fields: readonly TableField[],
): ExportColumn[] {
  const labels = new Map(fields.map((f) => [f.field.id, f.label]));
  const labelOf = (property: string) => {
    const name = property.endsWith('Id') ? property.slice(0, -'Id'.length) : property;
    const own = `${section}.fields.${name}`;
    const common = `recordTable.fields.${name}`;
    return isMessageKey(own) ? t(own) : isMessageKey(common) ? t(common) : property;
  };
  return view.columns.flatMap(({ field }) => {
    const exported = exportFieldsOf(section, field);
    const named = exported.filter((e) => !e.by);
    return exported.map((column) => {
      const emailOf = `recordTable.exportEmail.${column.field}`;
      const header =
        column.by === 'email'
          ? isMessageKey(emailOf)
            ? t(emailOf)
            : column.field
          : named.length === 1
            ? (labels.get(field) ?? column.field)
            : labelOf(column.field);
      return { ...column, header };
    });
  });
}
