import { unescapeFormula } from '../csv-export';
import { companyNameKey, emailKey } from '../duplicates';
import { normalizeDomain } from '../field-rules';
import { createRecord, type EditContext, type RecordBody } from '../record-edits';
import { checkRecordWrite, type WriteLookups } from '../write-rules';
import type { RecordValidator } from '../record-validation/record-validator';
import type { Deal } from '../schemas/deal';
import {
  dealPermissionErrors,
  NO_DEAL_CELLS,
  resolveDealCells,
  type DealCells,
  type DealImportContext,
  type DealProblem,
} from './deal-import';
import { mayCreateFor, resolveOwnerCell, type ImportOwners } from './import-owner';
import { IMPORTABLE_FIELDS, type ImportableCollection, type ImportableField } from './importable-fields';
import {
  parseCurrencyCell,
  parseDateCell,
  parseDomainCell,
  parseEmailCell,
  parseIntegerCell,
  parseMoneyCell,
  parsePhoneCell,
  parseTagsCell,
  type Parsed,
  type ValueOptions,
  type ValueProblem,
} from './parse-values';
import type { ColumnMapping } from './suggest-mapping';

/**
 * Checks a whole record against its collection's JSON schema: createRecordValidator() from
 * domain/record-validation, the code the server runs on a push (docs/adr/0032).
 */
export type SchemaValidator = RecordValidator;

/** Records a row may point at, found by what a file carries instead of internal ids. */
export interface ImportLookups {
  /** By companyNameKey() of the name. */
  companyIdByNameKey(key: string): string | undefined;
  /** By normalized web domain ("acme.com"). */
  companyIdByDomain(domain: string): string | undefined;
  /** By emailKey() of the address. */
  contactIdByEmail(key: string): string | undefined;
}

export type ImportProblem = ValueProblem | DealProblem | 'required' | 'companyNotFound' | 'contactNotFound' | 'invalid';

/** One reason a row is refused: the field and a code the UI translates; `detail` for the log. */
export interface FieldError {
  field: string;
  problem: ImportProblem;
  detail?: string;
}

export type RowOutcome<C extends ImportableCollection> =
  | {
      ok: true;
      body: RecordBody<C>;
      /** The record fields the file filled (`companyId` for a company column): what an update changes. */
      filled: string[];
    }
  | { ok: false; errors: FieldError[] };

export interface RowToRecordInput<C extends ImportableCollection> {
  collection: C;
  cells: readonly string[];
  mapping: ColumnMapping;
  /** Every field the file does not fill: owner, team, and for a deal its pipeline, stage and rank. */
  base: RecordBody<C>;
  options: ValueOptions;
  lookups: ImportLookups;
  validator: SchemaValidator;
  /** Who imports and when: the record is built as the write would be, then judged whole. */
  ctx: EditContext;
  writeLookups: WriteLookups;
  id: string;
  /**
   * A company the file names but the workspace lacks: the id of the company the import creates for
   * it, or undefined to refuse the row. Offered for contacts ("create missing companies").
   */
  createCompany?: (cell: string) => string | undefined;
  /** For deals: the pipelines, users, lost reasons and ranks a row is resolved against. */
  deals?: DealImportContext;
  /** For the other collections: the users an owner column names, and the importer. */
  owners?: ImportOwners;
  /** The row's index among the file's data rows (0 for the first): its place on the board. */
  rowIndex?: number;
}

/** The record field a relation column fills. */
const RELATION_FIELDS: Readonly<Record<string, string>> = {
  company: 'companyId',
  contact: 'contactId',
  pipeline: 'pipelineId',
  stage: 'stageId',
  owner: 'ownerId',
};

const isDealCell = (key: string): key is keyof DealCells => key in NO_DEAL_CELLS;

function parseCell(field: ImportableField, cell: string, options: ValueOptions): Parsed<unknown> {
  switch (field.kind) {
    case 'email':
      return parseEmailCell(cell);
    case 'phone':
      return parsePhoneCell(cell);
    case 'domain':
      return parseDomainCell(cell);
    case 'tags':
      return parseTagsCell(cell);
    case 'money':
      return parseMoneyCell(cell, options);
    case 'date':
      return parseDateCell(cell, options.dateOrder);
    case 'integer':
      return parseIntegerCell(cell);
    default:
      return { ok: true, value: cell.trim() };
  }
}

/** A company cell is a web domain when it looks like one ("acme.com"), else a name. */
function resolveCompany(cell: string, lookups: ImportLookups): string | undefined {
  const domain = normalizeDomain(cell);
  if (/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain)) {
    const byDomain = lookups.companyIdByDomain(domain);
    if (byDomain) return byDomain;
  }
  const key = companyNameKey(cell);
  return key ? lookups.companyIdByNameKey(key) : undefined;
}

/**
 * One data row as the body of a new record, or every reason it cannot be one. Cells are parsed by
 * their field's kind, relations resolved by name, domain or email, and the record that would be
 * written is judged by the same schema and write rules the server applies to a push.
 */
export function rowToRecord<C extends ImportableCollection>(input: RowToRecordInput<C>): RowOutcome<C> {
  const { collection, mapping, lookups } = input;
  // A cell an export kept from running as a formula reads as the value it holds.
  const cells = input.cells.map(unescapeFormula);
  const fields = new Map(IMPORTABLE_FIELDS[collection].map((f) => [f.key, f]));
  const body: Record<string, unknown> = { ...input.base };
  const errors: FieldError[] = [];
  // A currency column names the currency of the row's amounts; it is no field of the record.
  let options = input.options;
  const currencyColumn = mapping.findIndex((key) => fields.get(key ?? '')?.kind === 'currency');
  if (currencyColumn >= 0) {
    const cell = cells[currencyColumn] ?? '';
    const parsed = parseCurrencyCell(cell);
    if (!parsed.ok) errors.push({ field: 'currency', problem: parsed.problem, detail: cell });
    else if (parsed.value) options = { ...options, currency: parsed.value };
  }
  const seen = new Set<string>();
  const filledFields = new Set<string>();
  const dealCells: DealCells = { ...NO_DEAL_CELLS };
  mapping.forEach((key, column) => {
    const field = key ? fields.get(key) : undefined;
    const cell = cells[column] ?? '';
    if (!field || field.kind === 'currency' || (seen.has(field.key) && !cell.trim())) return;
    seen.add(field.key);
    // An empty cell fills nothing: updating a record from the file never blanks what it holds.
    if (cell.trim()) filledFields.add(field.key);
    if (collection === 'deals' && isDealCell(field.key)) {
      dealCells[field.key] = cell.trim();
      return;
    }
    if (field.kind === 'relation') {
      if (!cell.trim()) return;
      if (field.key === 'company') {
        const id = resolveCompany(cell, lookups) ?? input.createCompany?.(cell.trim());
        if (id) body.companyId = id;
        else errors.push({ field: 'company', problem: 'companyNotFound', detail: cell.trim() });
      } else if (field.key === 'contact') {
        const email = emailKey(cell);
        const id = email ? lookups.contactIdByEmail(email) : undefined;
        if (id) body.contactId = id;
        else errors.push({ field: 'contact', problem: 'contactNotFound', detail: cell.trim() });
      } else if (field.key === 'owner') {
        if (!input.owners) throw new Error('an import with an owner column needs the users to resolve owners against');
        const owner = resolveOwnerCell(cell, input.owners);
        if (!owner.ok) errors.push({ field: 'owner', problem: owner.problem, detail: cell.trim() });
        else {
          body.ownerId = owner.ownerId;
          body.teamId = owner.teamId;
        }
      }
      return;
    }
    const parsed = parseCell(field, cell, options);
    if (!parsed.ok) errors.push({ field: field.key, problem: parsed.problem, detail: cell });
    else if (parsed.value !== null) body[field.key] = parsed.value;
  });
  for (const field of IMPORTABLE_FIELDS[collection]) {
    if (field.required && !String(body[field.key] ?? '').trim() && !errors.some((e) => e.field === field.key)) {
      errors.push({ field: field.key, problem: 'required' });
    }
  }
  if (collection === 'contacts' || collection === 'leads') {
    if (!String(body.firstName ?? '').trim() && !String(body.lastName ?? '').trim() && !body.email) {
      errors.push({ field: 'lastName', problem: 'required' });
    }
  }
  if (collection === 'deals') {
    if (!input.deals) throw new Error('a deal import needs the pipelines, users and ranks to resolve rows against');
    // A deal without an amount is worth nothing yet, in the row's currency (or the import's).
    if (!filledFields.has('value')) body.value = { amount: 0, currency: options.currency };
    const deal = body as RecordBody<'deals'>;
    errors.push(...resolveDealCells(deal, dealCells, input.deals, input.ctx.now, input.rowIndex ?? 0));
  }
  if (errors.length) return { ok: false, errors };
  const doc = createRecord(collection, input.id, body as RecordBody<C>, input.ctx);
  const schemaProblem = input.validator.validate(collection, doc);
  if (schemaProblem) {
    const field = /^\/(\w+)/.exec(schemaProblem)?.[1] ?? '';
    return { ok: false, errors: [{ field, problem: 'invalid', detail: schemaProblem }] };
  }
  if (collection === 'deals') {
    const denied = dealPermissionErrors(doc as unknown as Deal, input.deals!.actor);
    if (denied.length) return { ok: false, errors: denied };
  } else if (filledFields.has('owner') && input.owners && !mayCreateFor(collection, doc, input.owners)) {
    return { ok: false, errors: [{ field: 'owner', problem: 'ownerNotAllowed' }] };
  }
  const ruleErrors = checkRecordWrite(collection, null, doc, input.writeLookups);
  if (ruleErrors.length) {
    return {
      ok: false,
      errors: ruleErrors.map((e) => ({ field: String(e.params?.field ?? ''), problem: 'invalid', detail: e.code })),
    };
  }
  const filled = [...filledFields].map((key) => RELATION_FIELDS[key] ?? key);
  return { ok: true, body: body as RecordBody<C>, filled };
}
