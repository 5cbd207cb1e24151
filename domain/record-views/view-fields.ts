import { ACTIVITY_TYPES, CALL_OUTCOMES } from '../schemas/activity';
import { COMPANY_SIZES } from '../schemas/company';
import { DEAL_STATUSES } from '../schemas/deal';
import { LEAD_STATUSES } from '../schemas/lead';
import type { FilterOp, ViewSection } from './view-state';

/**
 * What a field holds, which decides its filter operators and how a filter value is read:
 * `dateTime` is an ISO instant, `date` a calendar day (`YYYY-MM-DD`, '' for none), `money` a
 * filter on the amount in minor units, `boolean` a yes/no question about another field ("has no
 * company"), `reference` the id of a linked record.
 */
export type FieldKind =
  'text' | 'enum' | 'date' | 'dateTime' | 'number' | 'money' | 'owner' | 'team' | 'tags' | 'reference' | 'boolean';

export interface ViewField {
  /** The name views use (`ViewFilter.field`, `ViewSort.field`, `ViewColumn.field`). */
  id: string;
  kind: FieldKind;
  /** The record's property a filter reads (dotted for a nested one); the id when absent. */
  path?: string;
  /** Text filters on a derived key (`nameKey`): the typed value is normalized as the key is. */
  normalized?: boolean;
  /** The value a record holds for "none": '' for strings and references, null for nullable ones. */
  blank?: '' | null;
  /** For `boolean`: true means `path` is blank ("has no company"). */
  trueWhenBlank?: boolean;
  values?: readonly string[];
  /**
   * The indexed property the list is ordered by for this field, only where an IndexedDB index
   * serves the order (docs/adr/0031-record-table-queries.md); a field without it is not sortable.
   */
  sortPath?: string;
  /** Inline-editable in the table, with the drawer's validation. */
  editable?: boolean;
  /** May be shown as a column (a boolean question is a filter only). */
  column: boolean;
  ops: readonly FilterOp[];
}

export const OPS_BY_KIND: Record<FieldKind, readonly FilterOp[]> = {
  text: ['contains', 'eq', 'neq', 'empty', 'notEmpty'],
  enum: ['eq', 'neq', 'in'],
  date: ['eq', 'gte', 'lte', 'between', 'empty', 'notEmpty'],
  dateTime: ['eq', 'gte', 'lte', 'between', 'empty', 'notEmpty'],
  number: ['eq', 'neq', 'gte', 'lte', 'between', 'empty', 'notEmpty'],
  money: ['eq', 'gte', 'lte', 'between', 'empty', 'notEmpty'],
  owner: ['eq', 'neq', 'in', 'empty', 'notEmpty'],
  team: ['eq', 'neq', 'in', 'empty', 'notEmpty'],
  tags: ['in', 'empty', 'notEmpty'],
  reference: ['eq', 'neq', 'empty', 'notEmpty'],
  boolean: ['eq'],
};

type FieldSpec = Omit<ViewField, 'ops' | 'column'> & { ops?: readonly FilterOp[]; column?: boolean };

function field(spec: FieldSpec): ViewField {
  const ops = spec.ops ?? OPS_BY_KIND[spec.kind];
  return { ...spec, column: spec.column ?? spec.kind !== 'boolean', ops };
}

// A required date-time (createdAt, dueAt) is never blank: "empty" would match nothing.
const present = (ops: readonly FilterOp[]) => ops.filter((op) => op !== 'empty' && op !== 'notEmpty');

const owner = field({ id: 'owner', kind: 'owner', path: 'ownerId', blank: '' });
const team = field({ id: 'team', kind: 'team', path: 'teamId', blank: '' });
const tags = field({ id: 'tags', kind: 'tags' });
const createdAt = field({ id: 'createdAt', kind: 'dateTime', ops: present(OPS_BY_KIND.dateTime) });
const updatedAt = field({ id: 'updatedAt', kind: 'dateTime', ops: present(OPS_BY_KIND.dateTime) });
const text = (id: string, editable = false) => field({ id, kind: 'text', blank: '', editable });
const personName = field({
  id: 'name',
  kind: 'text',
  path: 'nameKey',
  normalized: true,
  blank: '',
  sortPath: 'nameKey',
});

/** Every field of each section's list: its columns, filters and (where indexed) sorts. */
export const VIEW_FIELDS: Record<ViewSection, readonly ViewField[]> = {
  contacts: [
    personName,
    text('email', true),
    text('phone', true),
    text('mobile', true),
    text('title', true),
    field({ id: 'company', kind: 'reference', path: 'companyId', blank: '' }),
    field({ id: 'noCompany', kind: 'boolean', path: 'companyId', blank: '', trueWhenBlank: true }),
    text('source'),
    owner,
    team,
    tags,
    createdAt,
    updatedAt,
  ],
  leads: [
    personName,
    text('email', true),
    text('phone', true),
    text('companyName', true),
    text('title', true),
    text('interest', true),
    field({ id: 'status', kind: 'enum', values: LEAD_STATUSES }),
    text('source'),
    field({ id: 'estimatedValue', kind: 'money', path: 'estimatedValue.amount', blank: null }),
    owner,
    team,
    tags,
    createdAt,
    updatedAt,
  ],
  companies: [
    field({ id: 'name', kind: 'text', path: 'nameKey', normalized: true, blank: '', sortPath: 'nameKey' }),
    text('domain'),
    text('industry', true),
    field({ id: 'size', kind: 'enum', values: ['', ...COMPANY_SIZES], editable: true }),
    text('phone', true),
    text('website', true),
    owner,
    team,
    tags,
    createdAt,
    updatedAt,
  ],
  deals: dealFields(),
  pipeline: dealFields().map((f) => ({ ...f, sortPath: undefined })),
  activities: [
    field({ id: 'type', kind: 'enum', values: ACTIVITY_TYPES }),
    text('subject', true),
    field({ id: 'dueAt', kind: 'dateTime', ops: present(OPS_BY_KIND.dateTime), sortPath: 'dueAt', editable: true }),
    // Edited in place as done / not done: done stamps the time (domain/activity-rules.ts).
    field({ id: 'completedAt', kind: 'dateTime', blank: null, editable: true }),
    field({ id: 'open', kind: 'boolean', path: 'completedAt', blank: null, trueWhenBlank: true }),
    field({ id: 'outcome', kind: 'enum', values: CALL_OUTCOMES }),
    owner,
    team,
    field({ id: 'deal', kind: 'reference', path: 'dealId', blank: '' }),
    field({ id: 'lead', kind: 'reference', path: 'leadId', blank: '' }),
    field({ id: 'contact', kind: 'reference', path: 'contactId', blank: '' }),
    field({ id: 'company', kind: 'reference', path: 'companyId', blank: '' }),
    // A column only: the first record the activity is about, of its deal, lead, contact, company.
    field({ id: 'related', kind: 'reference', path: 'dealId', ops: [] }),
    createdAt,
  ],
};

function dealFields(): ViewField[] {
  return [
    field({
      id: 'title',
      kind: 'text',
      path: 'titleKey',
      normalized: true,
      blank: '',
      sortPath: 'titleKey',
      editable: true,
    }),
    // A column only: a stage is picked on the board, and a filter by stage would need its pipeline.
    field({ id: 'stage', kind: 'reference', path: 'stageId', ops: [] }),
    field({ id: 'value', kind: 'money', path: 'value.amount', ops: present(OPS_BY_KIND.money), editable: true }),
    field({ id: 'status', kind: 'enum', values: DEAL_STATUSES }),
    field({ id: 'expectedCloseDate', kind: 'date', blank: '', sortPath: 'expectedCloseDate', editable: true }),
    field({ id: 'probability', kind: 'number', blank: null, editable: true }),
    field({ id: 'company', kind: 'reference', path: 'companyId', blank: '' }),
    field({ id: 'contact', kind: 'reference', path: 'contactId', blank: '' }),
    owner,
    team,
    tags,
    createdAt,
    updatedAt,
  ];
}

/** A field of a section's list by its id, or undefined for one the section does not have. */
export function viewField(section: ViewSection, id: string): ViewField | undefined {
  return VIEW_FIELDS[section].find((f) => f.id === id);
}

/** The record property a field's filter reads. */
export function fieldPath(f: ViewField): string {
  return f.path ?? f.id;
}
