import { useTranslation } from 'react-i18next';
import { IMPORTABLE_FIELDS, type ColumnMapping, type CsvTable } from '@domain/csv-import';
import type { WizardCollection } from './import-defaults';
import { importFieldLabel } from './problem-text';

/** One row per column of the file: its header, its first value, and the field it fills. */
export function MappingStep(props: {
  collection: WizardCollection;
  table: CsvTable;
  mapping: ColumnMapping;
  onMapping: (mapping: ColumnMapping) => void;
}) {
  const { t } = useTranslation();
  const { table, mapping } = props;
  const options = [
    { value: '', label: t('csv.skipColumn') },
    ...IMPORTABLE_FIELDS[props.collection].map((f) => ({
      value: f.key,
      label: importFieldLabel(t, props.collection, f.key),
    })),
  ];
  return (
    <>
      <p>{t('csv.mappingHint')}</p>
      <div className="import-table-wrap">
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">{t('csv.column')}</th>
              <th scope="col">{t('csv.example')}</th>
              <th scope="col">{t('csv.field')}</th>
            </tr>
          </thead>
          <tbody>
            {table.headers.map((header, i) => (
              <tr key={i}>
                <th scope="row">{header}</th>
                <td>{table.rows[0]?.[i] ?? ''}</td>
                <td>
                  <select
                    className="input"
                    aria-label={t('csv.fieldFor', { column: header })}
                    value={mapping[i] ?? ''}
                    onChange={(e) => props.onMapping(mapping.map((m, j) => (j === i ? e.target.value || null : m)))}
                  >
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!mapping.some((m) => m !== null) && <p role="alert">{t('csv.noMapping')}</p>}
    </>
  );
}
