import type { DuplicateIndex } from '../duplicates';
import { companyNameKey } from '../duplicates';
import { normalizeDomain } from '../field-rules';
import { createRecord, type EditContext, type RecordBody } from '../record-edits';
import type { WriteLookups } from '../write-rules';
import { DEAL_FIELDS_KEPT_ON_UPDATE, type DealImportContext } from './deal-import';
import type { ImportOwners } from './import-owner';
import { decideDuplicate, indexImported, type DuplicateMode } from './duplicate-handling';
import type { ImportableCollection } from './importable-fields';
import type { ValueOptions } from './parse-values';
import { rowToRecord, type FieldError, type ImportLookups, type SchemaValidator } from './row-to-record';
import type { ColumnMapping } from './suggest-mapping';

/** A company an import creates because a contact row names one the workspace lacks. */
export interface NewCompany {
  id: string;
  body: RecordBody<'companies'>;
}

/** What the import does with one data row; `line` is the file's line as a spreadsheet numbers it. */
export type RowPlan<C extends ImportableCollection> =
  | { action: 'create'; line: number; id: string; body: RecordBody<C>; companies: NewCompany[] }
  | { action: 'update'; line: number; id: string; changes: Partial<RecordBody<C>>; companies: NewCompany[] }
  | { action: 'skip'; line: number; id: string }
  | { action: 'reject'; line: number; errors: FieldError[] };

/** The person's choices for the whole file. */
export interface ImportChoices {
  mapping: ColumnMapping;
  options: ValueOptions;
  duplicates: DuplicateMode;
  /** A contact's company that is not found is created (by name, or by domain when the cell is one). */
  createMissingCompanies: boolean;
}

export interface ImportPlannerInput<C extends ImportableCollection> {
  collection: C;
  choices: ImportChoices;
  /** Every field the file does not fill, for the records and for the companies it creates. */
  base: RecordBody<C>;
  companyBase: RecordBody<'companies'>;
  lookups: ImportLookups;
  /** The workspace's records of `collection`; the planner adds each row it creates. */
  duplicateIndex: DuplicateIndex;
  validator: SchemaValidator;
  ctx: () => EditContext;
  writeLookups: WriteLookups;
  newId: () => string;
  /** For deals: pipelines, users, lost reasons and ranks (domain/csv-import/deal-import.ts). */
  deals?: DealImportContext;
  /** For the other collections: the users an owner column names, and the importer. */
  owners?: ImportOwners;
}

/**
 * Who owns a record already there is never changed by a file: a reassignment needs its own
 * permission and is made in the list or the drawer. A file's owner column applies to new records.
 */
const OWNER_FIELDS_KEPT_ON_UPDATE: ReadonlySet<string> = new Set(['ownerId', 'teamId']);

const DOMAIN_LIKE = /^[a-z0-9.-]+\.[a-z]{2,}$/;

/**
 * Decides row after row what an import writes: create, update or skip by the duplicate choice,
 * or reject with the reasons. Rows are planned in file order, so a later row sees the records and
 * companies the earlier ones create (a file listing one company on twenty contacts creates it once).
 */
export class ImportPlanner<C extends ImportableCollection> {
  private readonly createdByNameKey = new Map<string, NewCompany>();
  private readonly createdByDomain = new Map<string, NewCompany>();
  private readonly lookups: ImportLookups;

  constructor(private readonly input: ImportPlannerInput<C>) {
    const outer = input.lookups;
    this.lookups = {
      companyIdByNameKey: (key) => outer.companyIdByNameKey(key) ?? this.createdByNameKey.get(key)?.id,
      companyIdByDomain: (domain) => outer.companyIdByDomain(domain) ?? this.createdByDomain.get(domain)?.id,
      contactIdByEmail: (key) => outer.contactIdByEmail(key),
    };
  }

  planRow(cells: readonly string[], line: number): RowPlan<C> {
    const { input } = this;
    const id = input.newId();
    const ctx = input.ctx();
    const tentative: NewCompany[] = [];
    const offerCompanies = input.collection === 'contacts' && input.choices.createMissingCompanies;
    const outcome = rowToRecord({
      collection: input.collection,
      cells,
      mapping: input.choices.mapping,
      base: input.base,
      options: input.choices.options,
      lookups: this.lookups,
      validator: input.validator,
      ctx,
      writeLookups: input.writeLookups,
      id,
      rowIndex: line - 2,
      ...(input.deals && { deals: input.deals }),
      ...(input.owners && { owners: input.owners }),
      ...(offerCompanies && {
        createCompany: (cell: string) => {
          const company = this.newCompany(cell, ctx);
          if (company) tentative.push(company);
          return company?.id;
        },
      }),
    });
    if (!outcome.ok) return { action: 'reject', line, errors: outcome.errors };
    const decision = decideDuplicate(input.collection, outcome.body, input.duplicateIndex, input.choices.duplicates);
    if (decision.action === 'skip') return { action: 'skip', line, id: decision.id };
    // Only a row that is written creates its company: a refused or skipped row leaves none behind.
    const companyId = (outcome.body as { companyId?: string }).companyId;
    const companies = tentative.filter((c) => companyId === c.id);
    for (const company of companies) this.remember(company);
    if (decision.action === 'update') {
      const kept = input.collection === 'deals' ? DEAL_FIELDS_KEPT_ON_UPDATE : OWNER_FIELDS_KEPT_ON_UPDATE;
      const changes = Object.fromEntries(
        outcome.filled
          .filter((field) => !kept.has(field))
          .map((field) => [field, (outcome.body as Record<string, unknown>)[field]]),
      ) as Partial<RecordBody<C>>;
      return { action: 'update', line, id: decision.id, changes, companies };
    }
    indexImported(input.collection, id, outcome.body, input.duplicateIndex);
    return { action: 'create', line, id, body: outcome.body, companies };
  }

  private newCompany(cell: string, ctx: EditContext): NewCompany | undefined {
    const domain = normalizeDomain(cell);
    const isDomain = DOMAIN_LIKE.test(domain);
    const body: RecordBody<'companies'> = { ...this.input.companyBase, name: cell, domain: isDomain ? domain : '' };
    const id = this.input.newId();
    const problem = this.input.validator.validate('companies', createRecord('companies', id, body, ctx));
    return problem ? undefined : { id, body };
  }

  private remember(company: NewCompany): void {
    const key = companyNameKey(company.body.name);
    if (key) this.createdByNameKey.set(key, company);
    if (company.body.domain) this.createdByDomain.set(company.body.domain, company);
  }
}
