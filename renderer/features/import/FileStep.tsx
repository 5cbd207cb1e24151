import { useTranslation } from 'react-i18next';
import type { CsvTable } from '@domain/csv-import';
import { SelectField } from '../../ui/fields';
import { WIZARD_COLLECTIONS, type WizardCollection } from './import-defaults';

/** The wizard's first step: what the rows are, and the file, dropped or picked. */
export function FileStep(props: {
  collection: WizardCollection;
  onCollection: (collection: WizardCollection) => void;
  file: { name: string; table: CsvTable } | null;
  problem: string;
  onFile: (file: File | undefined) => void;
}) {
  const { t } = useTranslation();
  const { file } = props;
  return (
    <>
      <SelectField
        label={t('csv.recordType')}
        value={props.collection}
        onChange={(value) => props.onCollection(value as WizardCollection)}
        options={WIZARD_COLLECTIONS.map((c) => ({ value: c, label: t(`csv.types.${c}`) }))}
      />
      <div
        className="import-drop"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          props.onFile(e.dataTransfer.files[0]);
        }}
      >
        <p>{t('csv.dropZone')}</p>
        <label className="field">
          <span>{t('csv.file')}</span>
          <input type="file" accept=".csv,text/csv" onChange={(e) => props.onFile(e.target.files?.[0])} />
        </label>
      </div>
      {file && (
        <p role="status">
          {t('csv.fileSummary', { name: file.name, rows: file.table.rows.length, columns: file.table.headers.length })}
        </p>
      )}
      {props.problem && <p role="alert">{props.problem}</p>}
    </>
  );
}
