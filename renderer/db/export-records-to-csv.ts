import type { RxCollection } from 'rxdb';
import type { CollectionName } from '@domain/collections';
import { recordsToCsv, type ExportColumn, type ExportLookups } from '@domain/csv-export';
import { personName } from '@domain/derived-fields';
import { saveCsvFile } from '../platform/save-csv-file';
import { readRecordPages, type RecordQuery } from './record-pages';
import type { Workspace } from './workspace';

async function namesOf(ws: Workspace, collection: CollectionName, name: (doc: Record<string, unknown>) => string) {
  const docs = await (ws.db[collection] as unknown as RxCollection<Record<string, unknown>>).find().exec();
  return new Map(docs.map((doc) => [String(doc.get('id')), name(doc.toJSON() as Record<string, unknown>)]));
}

/** Names for the ids records hold: companies, contacts and users, as of now on this device. */
async function readExportLookups(ws: Workspace): Promise<ExportLookups> {
  const [companies, contacts, users] = await Promise.all([
    namesOf(ws, 'companies', (c) => String(c.name ?? '')),
    namesOf(ws, 'contacts', (c) => personName(c as { firstName: string; lastName: string }) || String(c.email ?? '')),
    namesOf(ws, 'users', (u) => String(u.name ?? '')),
  ]);
  return {
    companyName: (id) => companies.get(id),
    contactName: (id) => contacts.get(id),
    userName: (id) => users.get(id),
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
