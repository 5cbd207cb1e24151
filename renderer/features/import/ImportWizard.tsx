import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  headerKey,
  IMPORTABLE_FIELDS,
  parseCsv,
  rejectedRowsCsv,
  suggestMapping,
  type ColumnMapping,
  type CsvTable,
  type DateOrder,
  type DuplicateMode,
  type ImportChoices,
  type RowPlan,
} from '@domain/csv-import';
import { SUPPORTED_CURRENCIES } from '@domain/money';
import { usePreferences } from '../../db/device-preferences';
import { undoImport } from '../../db/import-writes';
import { useWorkspace } from '../../db/workspace-context';
import { saveCsvFile } from '../../platform/save-csv-file';
import { SelectField } from '../../ui/fields';
import { ModalDialog } from '../../ui/ModalDialog';
import { WIZARD_COLLECTIONS, type WizardCollection } from './import-defaults';
import { importFieldLabel, problemText } from './problem-text';
import { previewImport, runImport, type ImportReport } from './run-import';
import './import.css';

const STEPS = ['file', 'mapping', 'preview', 'options', 'progress', 'report'] as const;
type Step = (typeof STEPS)[number];
const PREVIEW_ROWS = 10;
const SHOWN_REJECTED = 100;

/**
 * Import from CSV: record type and file → columns (suggested, remembered per record type) →
 * preview of the first rows, checked → options (duplicates, missing companies, dates, currency) →
 * progress with cancel → report with the rejected rows to download and one Undo import.
 */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const ws = useWorkspace();
  const { t, i18n } = useTranslation();
  const [prefs, savePreferences] = usePreferences();
  const [step, setStep] = useState<Step>('file');
  const [collection, setCollection] = useState<WizardCollection>('contacts');
  const [file, setFile] = useState<{ name: string; table: CsvTable } | null>(null);
  const [fileProblem, setFileProblem] = useState('');
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const spanish = i18n.language.startsWith('es');
  const [dateOrder, setDateOrder] = useState<DateOrder>(spanish ? 'DMY' : 'MDY');
  const [currency, setCurrency] = useState<string>(spanish ? 'EUR' : 'USD');
  const [duplicates, setDuplicates] = useState<DuplicateMode>('skip');
  const [createCompanies, setCreateCompanies] = useState(true);
  const [preview, setPreview] = useState<RowPlan<WizardCollection>[] | null>(null);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState('');
  const [undone, setUndone] = useState(false);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const choices = (): ImportChoices => ({
    mapping,
    options: { dateOrder, currency, locale: i18n.language },
    duplicates,
    createMissingCompanies: createCompanies,
  });

  const readFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    setFileProblem('');
    try {
      const table = parseCsv(await chosen.text());
      if (!table.headers.length || !table.rows.length) {
        setFile(null);
        setFileProblem(t('csv.emptyFile'));
        return;
      }
      setFile({ name: chosen.name, table });
    } catch {
      setFile(null);
      setFileProblem(t('csv.unreadable'));
    }
  };

  const toMapping = () => {
    if (!file) return;
    const remembered = prefs.importMappings[collection] ?? {};
    const known = new Set(IMPORTABLE_FIELDS[collection].map((f) => f.key));
    const suggested = suggestMapping(file.table.headers, collection);
    setMapping(
      file.table.headers.map((header, i) => {
        const key = headerKey(header);
        const chosen = remembered[key];
        return chosen === null || (chosen !== undefined && known.has(chosen)) ? chosen : (suggested[i] ?? null);
      }),
    );
    setStep('mapping');
  };

  const toPreview = () => {
    if (!file) return;
    const remembered = { ...(prefs.importMappings[collection] ?? {}) };
    file.table.headers.forEach((header, i) => (remembered[headerKey(header)] = mapping[i] ?? null));
    void savePreferences({ importMappings: { ...prefs.importMappings, [collection]: remembered } });
    setPreview(null);
    setStep('preview');
    void previewImport(ws, collection, file.table, choices(), PREVIEW_ROWS).then(setPreview);
  };

  const start = async () => {
    if (!file) return;
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: file.table.rows.length });
    setStep('progress');
    try {
      const result = await runImport(
        ws,
        collection,
        file.table,
        choices(),
        (done, total) => setProgress({ done, total }),
        controller.signal,
      );
      setReport(result);
    } catch (error) {
      setFailure(t('csv.failed', { error: error instanceof Error ? error.message : String(error) }));
    } finally {
      abort.current = null;
      setStep('report');
    }
  };

  const download = () => {
    if (!file || !report) return;
    const rows = report.rejected.map((r) => ({
      line: r.line,
      cells: r.cells,
      errors: r.errors.map((e) => ({
        field: importFieldLabel(t, collection, e.field),
        reason: t(`csv.problems.${e.problem}`, { detail: e.detail ?? '' }),
      })),
    }));
    void saveCsvFile(
      t('csv.report.fileName'),
      rejectedRowsCsv(file.table, rows, t('csv.line'), t('csv.report.reason')),
    );
  };

  const undo = async () => {
    if (!report) return;
    setBusy(true);
    try {
      await undoImport(ws, report.log);
      setUndone(true);
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    if (step === 'progress') abort.current?.abort();
    else onClose();
  };

  const mapped = mapping.some((m) => m !== null);
  const stepIndex = STEPS.indexOf(step);
  const fieldOptions = [
    { value: '', label: t('csv.skipColumn') },
    ...IMPORTABLE_FIELDS[collection].map((f) => ({ value: f.key, label: importFieldLabel(t, collection, f.key) })),
  ];
  const back = (to: Step) => (
    <button type="button" className="btn" onClick={() => setStep(to)}>
      {t('csv.back')}
    </button>
  );
  const next = (onClick: () => void, disabled = false) => (
    <button type="button" className="btn btn-primary" onClick={onClick} disabled={disabled}>
      {t('csv.next')}
    </button>
  );
  const cancelButton = (
    <button type="button" className="btn" onClick={cancel}>
      {t('csv.cancel')}
    </button>
  );

  let body: ReactNode = null;
  let actions: ReactNode = null;
  if (step === 'file') {
    body = (
      <>
        <SelectField
          label={t('csv.recordType')}
          value={collection}
          onChange={(value) => setCollection(value as WizardCollection)}
          options={WIZARD_COLLECTIONS.map((c) => ({ value: c, label: t(`csv.types.${c}`) }))}
        />
        <div
          className="import-drop"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            void readFile(e.dataTransfer.files[0]);
          }}
        >
          <p>{t('csv.dropZone')}</p>
          <label className="field">
            <span>{t('csv.file')}</span>
            <input type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} />
          </label>
        </div>
        {file && (
          <p role="status">
            {t('csv.fileSummary', {
              name: file.name,
              rows: file.table.rows.length,
              columns: file.table.headers.length,
            })}
          </p>
        )}
        {fileProblem && <p role="alert">{fileProblem}</p>}
      </>
    );
    actions = (
      <>
        {cancelButton}
        {next(toMapping, !file)}
      </>
    );
  } else if (step === 'mapping' && file) {
    body = (
      <>
        <p>{t('csv.mappingHint')}</p>
        <div className="import-table-wrap">
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">{t('csv.column')}</th>
                <th scope="col">{t('csv.example')}</th>
                <th scope="col">{t('csv.fieldFor', { column: '' }).trim()}</th>
              </tr>
            </thead>
            <tbody>
              {file.table.headers.map((header, i) => (
                <tr key={i}>
                  <th scope="row">{header}</th>
                  <td>{file.table.rows[0]?.[i] ?? ''}</td>
                  <td>
                    <select
                      className="input"
                      aria-label={t('csv.fieldFor', { column: header })}
                      value={mapping[i] ?? ''}
                      onChange={(e) => setMapping(mapping.map((m, j) => (j === i ? e.target.value || null : m)))}
                    >
                      {fieldOptions.map((o) => (
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
        {!mapped && <p role="alert">{t('csv.noMapping')}</p>}
      </>
    );
    actions = (
      <>
        {back('file')}
        {next(toPreview, !mapped)}
      </>
    );
  } else if (step === 'preview' && file) {
    const columns = mapping.flatMap((m, i) => (m ? [i] : [])).slice(0, 4);
    body = (
      <>
        <p>{t('csv.previewHint', { count: Math.min(PREVIEW_ROWS, file.table.rows.length) })}</p>
        <div className="import-table-wrap">
          <table className="import-table" aria-busy={preview === null}>
            <thead>
              <tr>
                <th scope="col">{t('csv.line')}</th>
                {columns.map((i) => (
                  <th scope="col" key={i}>
                    {file.table.headers[i]}
                  </th>
                ))}
                <th scope="col">{t('csv.result')}</th>
              </tr>
            </thead>
            <tbody>
              {(preview ?? []).map((plan) => (
                <tr key={plan.line}>
                  <th scope="row">{plan.line}</th>
                  {columns.map((i) => (
                    <td key={i}>{file.table.rows[plan.line - 2]?.[i] ?? ''}</td>
                  ))}
                  <td>
                    {plan.action === 'reject'
                      ? plan.errors.map((e) => problemText(t, collection, e)).join('; ')
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
    actions = (
      <>
        {back('mapping')}
        {next(() => setStep('options'))}
      </>
    );
  } else if (step === 'options' && file) {
    body = (
      <>
        <fieldset className="import-options">
          <legend>{t('csv.duplicates')}</legend>
          {(['skip', 'update', 'create'] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="import-duplicates"
                checked={duplicates === mode}
                onChange={() => setDuplicates(mode)}
              />{' '}
              {t(`csv.duplicateModes.${mode}`)}
            </label>
          ))}
        </fieldset>
        {collection === 'contacts' && (
          <label>
            <input type="checkbox" checked={createCompanies} onChange={(e) => setCreateCompanies(e.target.checked)} />{' '}
            {t('csv.createCompanies')}
          </label>
        )}
        <SelectField
          label={t('csv.dateOrder')}
          value={dateOrder}
          onChange={(value) => setDateOrder(value as DateOrder)}
          options={(['ISO', 'DMY', 'MDY'] as const).map((o) => ({ value: o, label: t(`csv.dateOrders.${o}`) }))}
        />
        <SelectField
          label={t('csv.currency')}
          value={currency}
          onChange={setCurrency}
          options={SUPPORTED_CURRENCIES.map((c) => ({ value: c, label: c }))}
        />
      </>
    );
    actions = (
      <>
        {back('preview')}
        <button type="button" className="btn btn-primary" onClick={() => void start()}>
          {t('csv.start', { count: file.table.rows.length })}
        </button>
      </>
    );
  } else if (step === 'progress') {
    body = (
      <>
        <progress
          className="import-progress"
          aria-label={t('csv.progress')}
          value={progress.done}
          max={Math.max(progress.total, 1)}
        />
        <p>{t('csv.progressText', progress)}</p>
      </>
    );
    actions = cancelButton;
  } else if (step === 'report') {
    body = (
      <>
        {failure && <p role="alert">{failure}</p>}
        {report?.cancelled && <p role="status">{t('csv.cancelled')}</p>}
        {report && (
          <ul className="import-report" aria-label={t('csv.steps.report')}>
            <li>{t('csv.report.imported', { count: report.imported })}</li>
            <li>{t('csv.report.updated', { count: report.updated })}</li>
            <li>{t('csv.report.skipped', { count: report.skipped })}</li>
            <li>{t('csv.report.rejected', { count: report.rejected.length })}</li>
            {report.companies > 0 && <li>{t('csv.report.companies', { count: report.companies })}</li>}
          </ul>
        )}
        {report && report.rejected.length > 0 && (
          <div className="import-table-wrap">
            <table className="import-table" aria-label={t('csv.report.rejectedRows')}>
              <thead>
                <tr>
                  <th scope="col">{t('csv.line')}</th>
                  <th scope="col">{t('csv.report.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.slice(0, SHOWN_REJECTED).map((r) => (
                  <tr key={r.line}>
                    <th scope="row">{r.line}</th>
                    <td>{r.errors.map((e) => problemText(t, collection, e)).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {undone && <p role="status">{t('csv.report.undone')}</p>}
      </>
    );
    const wrote = report && (report.log.created.length || report.log.updated.length || report.companies);
    actions = (
      <>
        {report && report.rejected.length > 0 && (
          <button type="button" className="btn" onClick={download}>
            {t('csv.report.download')}
          </button>
        )}
        {wrote && !undone ? (
          <button type="button" className="btn" onClick={() => void undo()} disabled={busy}>
            {t('csv.report.undo')}
          </button>
        ) : null}
        <button type="button" className="btn btn-primary" onClick={onClose} disabled={busy}>
          {t('csv.close')}
        </button>
      </>
    );
  }

  return (
    <ModalDialog title={t('csv.title')} onCancel={cancel} actions={actions}>
      <p className="import-step">
        {t('csv.stepOf', { step: stepIndex + 1, count: STEPS.length, name: t(`csv.steps.${step}`) })}
      </p>
      {body}
    </ModalDialog>
  );
}
