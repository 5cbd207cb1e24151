import { useTranslation } from 'react-i18next';
import type { ColumnMapping, CsvTable, RowPlan } from '@domain/csv-import';
import type { WizardCollection } from './import-defaults';
import { problemText } from './problem-text';

/** The first rows as the import will judge them: a few mapped columns and the verdict. */
export function PreviewStep(props: {
  collection: WizardCollection;
  table: CsvTable;
  mapping: ColumnMapping;
  /** Null while the rows are being checked. */
  preview: RowPlan<WizardCollection>[] | null;
  rows: number;
}) {
  const { t } = useTranslation();
  const { table } = props;
  const columns = props.mapping.flatMap((m, i) => (m ? [i] : [])).slice(0, 4);
  return (
    <>
      <p>{t('csv.previewHint', { count: Math.min(props.rows, table.rows.length) })}</p>
      <div className="import-table-wrap">
        <table className="import-table" aria-busy={props.preview === null}>
          <thead>
            <tr>
              <th scope="col">{t('csv.line')}</th>
              {columns.map((i) => (
                <th scope="col" key={i}>
                  {table.headers[i]}
                </th>
              ))}
              <th scope="col">{t('csv.result')}</th>
            </tr>
          </thead>
          <tbody>
            {(props.preview ?? []).map((plan) => (
              <tr key={plan.line}>
                <th scope="row">{plan.line}</th>
                {columns.map((i) => (
                  <td key={i}>{table.rows[plan.line - 2]?.[i] ?? ''}</td>
                ))}
                <td>
                  {plan.action === 'reject'
                    ? plan.errors.map((e) => problemText(t, props.collection, e)).join('; ')
                    : plan.action === 'skip'
                      ? t('csv.duplicateModes.skip')
                      : t('csv.rowReady')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
