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
  type ImportChoices,
  type RowPlan,
} from '@domain/csv-import';
import { usePreferences } from '../../db/device-preferences';
import { settingLabel } from '../../db/use-settings';
import { undoImport } from '../../db/import-writes';
import { useWorkspace } from '../../db/workspace-context';
import { saveCsvFile } from '../../platform/save-csv-file';
import { ModalDialog } from '../../ui/ModalDialog';
import { FileStep } from './FileStep';
import type { WizardCollection } from './import-defaults';
import { MappingStep } from './MappingStep';
import { OptionsStep, type ImportOptionValues } from './OptionsStep';
import { PreviewStep } from './PreviewStep';
import { importFieldLabel } from './problem-text';
import { ReportStep } from './ReportStep';
import { previewImport, runImport, type ImportLabels, type ImportReport } from './run-import';
import './import.css';

const STEPS = ['file', 'mapping', 'preview', 'options', 'progress', 'report'] as const;
type Step = (typeof STEPS)[number];
const PREVIEW_ROWS = 10;

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
  const [optionValues, setOptionValues] = useState<ImportOptionValues>({
    duplicates: 'skip',
    createCompanies: true,
    dateOrder: spanish ? 'DMY' : 'MDY',
    currency: spanish ? 'EUR' : 'USD',
  });
  const [preview, setPreview] = useState<RowPlan<WizardCollection>[] | null>(null);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState('');
  const [undone, setUndone] = useState(false);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const choices = (): ImportChoices => ({
    mapping,
    options: { dateOrder: optionValues.dateOrder, currency: optionValues.currency, locale: i18n.language },
    duplicates: optionValues.duplicates,
    createMissingCompanies: optionValues.createCompanies,
  });

  const labels: ImportLabels = { lostReason: (item) => settingLabel(t, 'lost-reasons', item) };

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
    void previewImport(ws, collection, file.table, choices(), PREVIEW_ROWS, labels).then(setPreview);
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
        labels,
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

  const stepIndex = STEPS.indexOf(step);
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
      <FileStep
        collection={collection}
        onCollection={setCollection}
        file={file}
        problem={fileProblem}
        onFile={(chosen) => void readFile(chosen)}
      />
    );
    actions = (
      <>
        {cancelButton}
        {next(toMapping, !file)}
      </>
    );
  } else if (step === 'mapping' && file) {
    body = <MappingStep collection={collection} table={file.table} mapping={mapping} onMapping={setMapping} />;
    actions = (
      <>
        {back('file')}
        {next(toPreview, !mapping.some((m) => m !== null))}
      </>
    );
  } else if (step === 'preview' && file) {
    body = (
      <PreviewStep collection={collection} table={file.table} mapping={mapping} preview={preview} rows={PREVIEW_ROWS} />
    );
    actions = (
      <>
        {back('mapping')}
        {next(() => setStep('options'))}
      </>
    );
  } else if (step === 'options' && file) {
    body = (
      <OptionsStep
        collection={collection}
        values={optionValues}
        onChange={(patch) => setOptionValues({ ...optionValues, ...patch })}
      />
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
    body = <ReportStep collection={collection} report={report} failure={failure} undone={undone} />;
    const wrote = report !== null && report.log.created.length + report.log.updated.length + report.companies > 0;
    actions = (
      <>
        {report && report.rejected.length > 0 && (
          <button type="button" className="btn" onClick={download}>
            {t('csv.report.download')}
          </button>
        )}
        {wrote && !undone && (
          <button type="button" className="btn" onClick={() => void undo()} disabled={busy}>
            {t('csv.report.undo')}
          </button>
        )}
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
