import type { RxCollection } from 'rxdb';
import type { CollectionName } from '@domain/collections';
import { recordsToCsv, type ExportColumn, type ExportLookups } from '@domain/csv-export';
import { personName } from '@domain/derived-fields';
import type { Pipeline } from '@domain/schemas/pipeline';
import { saveCsvFile } from '../platform/save-csv-file';
import { readRecordPages, type RecordQuery } from './record-pages';
import type { Workspace } from './workspace';

async function read(ws: Workspace, collection: CollectionName): Promise<Record<string, unknown>[]> {
  const docs = await (ws.db[collection] as unknown as RxCollection<Record<string, unknown>>).find().exec();
  return docs.map((doc) => doc.toJSON() as Record<string, unknown>);
}

const byId = (docs: readonly Record<string, unknown>[], value: (doc: Record<string, unknown>) => string) =>
  new Map(docs.map((doc) => [String(doc.id), value(doc)]));

/**
 * Names for the ids records hold (companies, contacts, users, pipelines and their stages) and the
 * emails an import finds contacts and users by, as of now on this device.
 */
async function readExportLookups(ws: Workspace): Promise<ExportLookups> {
  const [companies, contacts, users, pipelines] = await Promise.all([
    read(ws, 'companies'),
    read(ws, 'contacts'),
    read(ws, 'users'),
    read(ws, 'pipelines'),
  ]);
  const companyNames = byId(companies, (c) => String(c.name ?? ''));
  const contactNames = byId(
    contacts,
    (c) => personName(c as { firstName: string; lastName: string }) || String(c.email ?? ''),
  );
  const contactEmails = byId(contacts, (c) => String(c.email ?? ''));
  const userNames = byId(users, (u) => String(u.name ?? ''));
  const userEmails = byId(users, (u) => String(u.email ?? ''));
  const pipelineNames = byId(pipelines, (p) => String(p.name ?? ''));
  const stageNames = new Map(
    (pipelines as unknown as Pipeline[]).flatMap((p) => p.stages.map((s) => [s.id, s.name] as const)),
  );
  return {
    companyName: (id) => companyNames.get(id),
    contactName: (id) => contactNames.get(id),
    contactEmail: (id) => contactEmails.get(id),
    userName: (id) => userNames.get(id),
    userEmail: (id) => userEmails.get(id),
    pipelineName: (id) => pipelineNames.get(id),
    stageName: (id) => stageNames.get(id),
  };
}

export interface CsvExportOptions {
  /** The file name offered to the person ("contacts.csv"). */
  fileName: string;
  /** Translated header of the currency column after each money column. */
  currencyHeader: string;
  separator?: ',' | ';';
}

/**
 * The records a list shows (its query: selector and sort), with its columns, saved as a CSV file
 * the person places (desktop save dialog, or a browser download). Returns false when the person
 * cancelled the desktop dialog.
 */
export async function exportRecordsToCsv(
  ws: Workspace,
  collection: CollectionName,
  query: RecordQuery,
  columns: readonly ExportColumn[],
  options: CsvExportOptions,
): Promise<boolean> {
  const [lookups, records] = await Promise.all([readExportLookups(ws), collectRecords(ws, collection, query)]);
  const text = recordsToCsv({
    collection,
    columns,
    records,
    lookups,
    currencyHeader: options.currencyHeader,
    ...(options.separator && { separator: options.separator }),
  });
  return saveCsvFile(options.fileName, text);
}

async function collectRecords(ws: Workspace, collection: CollectionName, query: RecordQuery) {
  const records: Record<string, unknown>[] = [];
  for await (const page of readRecordPages(ws, collection, query)) records.push(...(page as Record<string, unknown>[]));
  return records;
}
