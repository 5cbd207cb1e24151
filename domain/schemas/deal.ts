import type { CollectionSchema, RecordOf } from './json-schema';
import {
  dateField,
  moneyField,
  nullableDateTimeField,
  ownershipFields,
  recordFields,
  mergeFields,
  recordRequired,
  refField,
  shortText,
  tagsField,
  notesField,
  idField,
  dateTimeField,
} from './json-schema';

/** Characters (code points, as JSON Schema counts them) in a deal's title at most. */
export const MAX_DEAL_TITLE_LENGTH = 200;

export const DEAL_STATUSES = ['OPEN', 'WON', 'LOST'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const dealLineSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'sku', 'name', 'quantity', 'unitPrice', 'discountBp'],
  properties: {
    id: idField,
    sku: shortText(60),
    name: { type: 'string', minLength: 1, maxLength: 200 },
    quantity: { type: 'number', minimum: 0, maximum: 1_000_000_000 },
    unitPrice: moneyField,
    // In basis points (1000 = 10%); large ones need a supervisor's approval.
    discountBp: { type: 'integer', minimum: 0, maximum: 10_000 },
  },
} as const;

export const dealSchema = {
  title: 'deal',
  version: 3,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...mergeFields,
    ...ownershipFields,
    title: { type: 'string', minLength: 1, maxLength: MAX_DEAL_TITLE_LENGTH },
    titleKey: { type: 'string', maxLength: 200 },
    pipelineId: { ...refField, pattern: '^[0-9a-f-]{36}$' },
    stageId: { ...refField, pattern: '^[0-9a-f-]{36}$' },
    // When the deal entered its current stage: the rotting clock starts here.
    stageEnteredAt: dateTimeField,
    // Fractional-index key ordering cards within a stage column.
    rank: { type: 'string', minLength: 1, maxLength: 64 },
    value: moneyField,
    // 0–100, or null to use the stage's default probability.
    probability: { type: ['integer', 'null'], minimum: 0, maximum: 100 },
    expectedCloseDate: dateField,
    status: { type: 'string', enum: DEAL_STATUSES, maxLength: 4 },
    lostReason: shortText(200),
    closedAt: nullableDateTimeField,
    contactId: refField,
    companyId: refField,
    // The lead this deal was converted from, if any.
    leadId: refField,
    lines: { type: 'array', maxItems: 200, items: dealLineSchema },
    tags: tagsField,
    notes: notesField,
  },
  required: [
    ...recordRequired,
    'ownerId',
    'teamId',
    'title',
    'titleKey',
    'pipelineId',
    'stageId',
    'stageEnteredAt',
    'rank',
    'value',
    'probability',
    'expectedCloseDate',
    'status',
    'lostReason',
    'closedAt',
    'contactId',
    'companyId',
    'leadId',
    'lines',
    'tags',
    'notes',
  ],
  // Each IndexedDB index costs about 4 s per 100k records on a first sync: only what screens query.
  // The deals list sorts by expected close date (docs/adr/0031-record-table-queries.md).
  indexes: [['pipelineId', 'status', 'stageId', 'rank'], 'titleKey', 'contactId', 'companyId', 'expectedCloseDate'],
} as const satisfies CollectionSchema;

export type Deal = RecordOf<typeof dealSchema>;

/** A product line on a deal; it lives inside the deal (one record, one sync unit). */
export type DealLine = Deal['lines'][number];
