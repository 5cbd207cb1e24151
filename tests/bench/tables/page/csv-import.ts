import Papa from 'papaparse';
import { demoBatches } from '../../../../demo-data';
import {
  importKeys,
  parseCsv,
  suggestMapping,
  type ImportChoices,
  type ImportKeys,
} from '../../../../domain/csv-import';
import { uuidv7 } from '../../../../domain/ids';
import type { Company } from '../../../../domain/schemas/company';
import type { Contact } from '../../../../domain/schemas/contact';
import { readImportContext } from '../../../../renderer/db/import-context';
import { runImport } from '../../../../renderer/features/import/run-import';
import { openWorkspace } from './bench-workspace';
import { startLongTasks, stopLongTasks } from './long-tasks';
import type { ImportOptions, ImportResult } from './protocol';

/** The large workspace's first `rows` contacts and every company's name, regenerated (not timed). */
function importSource(rows: number, today: string): { contacts: Contact[]; companyName: Map<string, string> } {
  const contacts: Contact[] = [];
  const companyName = new Map<string, string>();
  for (const batch of demoBatches({ size: 'large', today, batchSize: 1000 })) {
    if (batch.collection === 'companies') for (const c of batch.records as Company[]) companyName.set(c.id, c.name);
    if (batch.collection !== 'contacts') {
      if (contacts.length) break;
      continue;
    }
    for (const c of batch.records as Contact[]) if (contacts.length < rows) contacts.push(c);
    if (contacts.length === rows) break;
  }
  return { contacts, companyName };
}

const HEADERS = ['First name', 'Last name', 'Email', 'Phone', 'Mobile', 'Title', 'Company', 'Source', 'Tags'];

export async function importRun(options: ImportOptions): Promise<ImportResult> {
  const { contacts, companyName } = importSource(options.rows, options.today);
  const email = (c: Contact) => (c.email ? `${options.prefix}${c.email}` : `${options.prefix}${c.id}@example.com`);
  const ws = await openWorkspace(options.name, options.user);
  let written = 0;
  let ms: number;
  let parseMs = 0;
  let contextMs = 0;
  let skipped = 0;
  let keys: ImportKeys | undefined;
  startLongTasks();
  if (options.kind === 'app') {
    const text = Papa.unparse({
      fields: HEADERS,
      data: contacts.map((c) => [
        c.firstName,
        c.lastName,
        email(c),
        c.phone,
        c.mobile,
        c.title,
        companyName.get(c.companyId) ?? '',
        c.source,
        c.tags.join(', '),
      ]),
    });
    const p0 = performance.now();
    const table = parseCsv(text);
    parseMs = performance.now() - p0;
    const choices: ImportChoices = {
      mapping: suggestMapping(table.headers, 'contacts'),
      options: { dateOrder: 'MDY', currency: 'USD', locale: 'en' },
      duplicates: 'skip',
      createMissingCompanies: true,
    };
    keys = importKeys('contacts', choices.mapping, table.rows);
    const t0 = performance.now();
    const report = await runImport(
      ws,
      'contacts',
      table,
      choices,
      { lostReason: (item) => item.label },
      () => undefined,
      new AbortController().signal,
    );
    ms = performance.now() - t0;
    written = report.imported;
    // The demo workspace repeats a few e-mails on purpose (duplicates to merge): those rows are skipped.
    skipped = report.skipped;
    if (report.rejected.length || report.companies || report.imported + report.skipped !== options.rows) {
      throw new Error(
        `import: ${report.imported} created, ${report.rejected.length} rejected, ${report.skipped} skipped, ` +
          `${report.companies} companies created — the file should create its contacts, linked to stored companies`,
      );
    }
  } else {
    // The same contacts as records, new ids and the same new e-mails, in the import's batches (200).
    const records = contacts.map((c) => ({ ...c, id: uuidv7(), email: email(c) }));
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += 200) {
      const result = await ws.db.contacts.bulkInsert(records.slice(i, i + 200) as never[]);
      if (result.error.length) throw new Error(`raw insert: ${result.error.length} errors`);
      written += result.success.length;
    }
    ms = performance.now() - t0;
  }
  const longTaskStats = stopLongTasks();
  if (keys) {
    const c0 = performance.now();
    await readImportContext(ws, 'contacts', keys);
    contextMs = performance.now() - c0;
  }
  const contactsAfter = await ws.db.contacts.count().exec();
  await ws.db.close();
  return { rows: options.rows, written, skipped, ms, parseMs, contextMs, contactsAfter, longTasks: longTaskStats };
}
