import type { CsvTable, DealImportContext, FieldError, ImportChoices, RowPlan } from '@domain/csv-import';
import { ImportPlanner, ImportRanks, importKeys } from '@domain/csv-import';
import { uuidv7 } from '@domain/ids';
import { createRecordValidator } from '@domain/record-validation/record-validator';
import type { SettingItem } from '@domain/schemas/setting';
import { readDealImportSources } from '../../db/deal-import-sources';
import { readImportContext } from '../../db/import-context';
import { readImportOwners } from '../../db/import-owners';
import { emptyImportLog, writeImportBatch, type ImportLog } from '../../db/import-writes';
import { editContext, type Workspace } from '../../db/workspace';
import { importBases, type WizardCollection } from './import-defaults';

/** Rows planned and written per step: small enough for a smooth progress bar and a prompt cancel. */
const BATCH_ROWS = 200;

/** A refused row: its line in the file, its cells, and the reasons (translated when shown). */
export interface RefusedRow {
  line: number;
  cells: readonly string[];
  errors: readonly FieldError[];
}

export interface ImportReport {
  imported: number;
  updated: number;
  skipped: number;
  rejected: RefusedRow[];
  companies: number;
  cancelled: boolean;
  log: ImportLog;
}

const validator = createRecordValidator();

/** How the wizard names what the workspace configured: a lost reason as the person sees it. */
export interface ImportLabels {
  lostReason(item: SettingItem): string;
}

/** For a deal import: pipelines, users, lost reasons and the ranks for a file of `rows` rows. */
async function readDealContext(ws: Workspace, rows: number, labels: ImportLabels): Promise<DealImportContext> {
  const sources = await readDealImportSources(ws, labels.lostReason);
  return { ...sources.context, ranks: new ImportRanks(sources.topRank, rows) };
}

/**
 * A planner over the workspace as it is now (read once per preview or import), for `cells`: only
 * the records those rows can match are read. `rows` is the whole file's length, for deal ranks.
 */
export async function importPlanner<C extends WizardCollection>(
  ws: Workspace,
  collection: C,
  choices: ImportChoices,
  cells: readonly (readonly string[])[],
  rows: number,
  labels: ImportLabels,
): Promise<ImportPlanner<C>> {
  const bases = importBases(ws);
  const context = await readImportContext(ws, collection, importKeys(collection, choices.mapping, cells));
  const deals = collection === 'deals' ? await readDealContext(ws, rows, labels) : undefined;
  // The users are read only when the file has an owner column (a deal import reads them anyway).
  const owners = collection !== 'deals' && choices.mapping.includes('owner') ? await readImportOwners(ws) : undefined;
  return new ImportPlanner({
    collection,
    choices,
    base: bases[collection],
    companyBase: bases.companies,
    lookups: context.lookups,
    duplicateIndex: context.duplicateIndex,
    validator,
    ctx: () => editContext(ws),
    writeLookups: {
      pipeline: (id) => deals?.pipelines.find((p) => p.id === id),
      nowMs: Date.now(),
      pipelineMayBePending: true,
    },
    newId: uuidv7,
    ...(deals && { deals }),
    ...(owners && { owners }),
  });
}

/** The first rows of the file as the import would judge them, nothing written. */
export async function previewImport<C extends WizardCollection>(
  ws: Workspace,
  collection: C,
  table: CsvTable,
  choices: ImportChoices,
  rows: number,
  labels: ImportLabels,
): Promise<RowPlan<C>[]> {
  // Ranks are spread over the whole file, as the import will, so the preview judges the same keys.
  const shown = table.rows.slice(0, rows);
  const planner = await importPlanner(ws, collection, choices, shown, table.rows.length, labels);
  return shown.map((cells, i) => planner.planRow(cells, i + 2));
}

/**
 * Imports the file in batches: plans each row (create, update, skip or reject), writes the batch
 * through renderer/db, reports progress, and stops between batches when `signal` is aborted.
 */
export async function runImport<C extends WizardCollection>(
  ws: Workspace,
  collection: C,
  table: CsvTable,
  choices: ImportChoices,
  labels: ImportLabels,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<ImportReport> {
  const planner = await importPlanner(ws, collection, choices, table.rows, table.rows.length, labels);
  const report: ImportReport = {
    imported: 0,
    updated: 0,
    skipped: 0,
    rejected: [],
    companies: 0,
    cancelled: false,
    log: emptyImportLog(collection),
  };
  const total = table.rows.length;
  for (let start = 0; start < total; start += BATCH_ROWS) {
    if (signal.aborted) {
      report.cancelled = true;
      break;
    }
    const plans = table.rows.slice(start, start + BATCH_ROWS).map((cells, i) => planner.planRow(cells, start + i + 2));
    for (const plan of plans) {
      if (plan.action === 'create') report.imported++;
      else if (plan.action === 'update') report.updated++;
      else if (plan.action === 'skip') report.skipped++;
      else {
        report.rejected.push({ line: plan.line, cells: table.rows[plan.line - 2]!, errors: plan.errors });
      }
    }
    await writeImportBatch(ws, collection, plans, report.log);
    report.companies = report.log.createdCompanies.length;
    onProgress(Math.min(start + BATCH_ROWS, total), total);
  }
  return report;
}
