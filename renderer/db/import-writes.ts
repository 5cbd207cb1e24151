import type { RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import type { ImportableCollection, NewCompany, RowPlan } from '@domain/csv-import';
import { createRecord, editRecord, type RecordBody } from '@domain/record-edits';
import type { RecordBase } from '@domain/schemas/record';
import { updateRecord } from './record-writes';
import { editContext, type Workspace } from './workspace';

/** What one import wrote, enough to take it back in one action. */
export interface ImportLog {
  collection: ImportableCollection;
  created: string[];
  createdCompanies: string[];
  /** For each updated record, the values its changed fields had before the import. */
  updated: { id: string; before: Record<string, unknown> }[];
}

export function emptyImportLog(collection: ImportableCollection): ImportLog {
  return { collection, created: [], createdCompanies: [], updated: [] };
}

type AnyCollection = RxCollection<Record<string, unknown>>;
const collectionOf = (ws: Workspace, name: CollectionName) => ws.db[name] as unknown as AnyCollection;

async function insertMany(ws: Workspace, name: CollectionName, records: { id: string; body: object }[]): Promise<void> {
  if (!records.length) return;
  const docs = records.map(({ id, body }) => createRecord(name, id, body as never, editContext(ws)));
  const result = await collectionOf(ws, name).bulkInsert(docs as never[]);
  if (result.error.length) throw new Error(`import: ${result.error.length} ${name} could not be stored`);
  for (const doc of docs) ws.journal.notePendingWrite(name, doc.id, doc.hlc);
}

/**
 * Writes one batch of planned rows, as local edits stamped like any other (they sync as ordinary
 * changes): the companies the rows need first, then the new records in one bulk write, then the
 * updates one by one. Each write is added to `log` as it lands, so a cancelled or failed import
 * can still be undone.
 */
export async function writeImportBatch<C extends ImportableCollection>(
  ws: Workspace,
  collection: C,
  plans: readonly RowPlan<C>[],
  log: ImportLog,
): Promise<void> {
  const companies: NewCompany[] = plans.flatMap((p) =>
    p.action === 'create' || p.action === 'update' ? p.companies : [],
  );
  await insertMany(ws, 'companies', companies);
  log.createdCompanies.push(...companies.map((c) => c.id));
  const creates = plans.flatMap((p) => (p.action === 'create' ? [{ id: p.id, body: p.body }] : []));
  await insertMany(ws, collection, creates);
  log.created.push(...creates.map((c) => c.id));
  for (const plan of plans) {
    if (plan.action !== 'update') continue;
    const stored = (await collectionOf(ws, collection).findOne(plan.id).exec())?.toJSON() as
      Record<string, unknown> | undefined;
    if (!stored) continue;
    const before = Object.fromEntries(Object.keys(plan.changes).map((field) => [field, stored[field]]));
    const written = await updateRecord(ws, collection, plan.id, plan.changes as Partial<RecordBody<C>>);
    if (written) log.updated.push({ id: plan.id, before });
  }
}

/** Soft-deletes records in one bulk write: each removal stamped as an edit, so it syncs. */
async function removeMany(ws: Workspace, name: CollectionName, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const docs = await collectionOf(ws, name)
    .findByIds([...ids])
    .exec();
  const now = new Date().toISOString();
  const removed: RecordBase[] = [];
  for (const doc of docs.values()) {
    const current = doc.toJSON() as unknown as CollectionDocs[typeof name];
    const edited = editRecord(name, current, { deletedAt: now } as never, editContext(ws));
    if (edited) removed.push(edited);
  }
  await collectionOf(ws, name).bulkUpsert(removed as never[]);
  for (const doc of removed) ws.journal.notePendingWrite(name, doc.id, doc.hlc);
}

/**
 * Undo import: the records and companies it created are removed, and every record it updated
 * gets back the values it had, field by field (an edit made since in another field stays).
 * Imported deals have no stage changes to take back: an import writes none
 * (docs/adr/0036-importing-deals.md).
 */
export async function undoImport(ws: Workspace, log: ImportLog): Promise<void> {
  for (const { id, before } of [...log.updated].reverse()) {
    await updateRecord(ws, log.collection, id, before as never);
  }
  await removeMany(ws, log.collection, log.created);
  await removeMany(ws, 'companies', log.createdCompanies);
}
