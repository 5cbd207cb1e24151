import { manage, type CollectionDefinition } from '../../domain/collection-definition';
import { searchKey } from '../../domain/derived-fields';
import { domainError } from '../../domain/errors';
import {
  dateTimeField,
  mergeFields,
  moneyField,
  recordFields,
  recordRequired,
  refField,
  type CollectionSchema,
  type RecordOf,
} from '../../domain/schemas/json-schema';

/**
 * A collection that is not in the app: what a new one (invoices from an ERP bridge) would be, in
 * the one file a collection needs (docs/adr/0023-collection-definitions.md). Its owner lives in a
 * field of its own (`accountManagerId`), and version 0 called the number `invoiceNo`, so the test
 * that registers it sees access keys and migrations read from here, not from a default.
 */
export const invoiceSchema = {
  title: 'invoice',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...mergeFields,
    accountManagerId: refField,
    teamId: refField,
    number: { type: 'string', minLength: 1, maxLength: 40 },
    numberKey: { type: 'string', maxLength: 40 },
    total: moneyField,
    dueAt: dateTimeField,
  },
  required: [...recordRequired, 'accountManagerId', 'teamId', 'number', 'numberKey', 'total', 'dueAt'],
  indexes: ['numberKey'],
} as const satisfies CollectionSchema;

export type Invoice = RecordOf<typeof invoiceSchema>;

export const invoices: CollectionDefinition<'invoices', Invoice> = {
  name: 'invoices',
  schema: invoiceSchema,
  migrations: {
    // v1: `invoiceNo` became `number`.
    1: ({ invoiceNo, ...doc }) => ({ ...doc, number: String(invoiceNo ?? '') }),
  },
  appendOnly: false,
  hardDeletable: false,
  accessKeys: { owner: 'accountManagerId', team: 'teamId' },
  permissions: {
    SDR: {},
    ACCOUNT_EXECUTIVE: { read: 'own', create: 'own', update: 'own' },
    SUPERVISOR: manage('team'),
    SALES_MANAGER: manage('all'),
  },
  derivedFields: ['numberKey'],
  deriveFields: (doc) => ({ ...doc, numberKey: searchKey(doc.number).slice(0, 40) }),
  checkWrite: (before, after) =>
    before && before.number !== after.number
      ? [domainError('record.immutableField', 'an issued invoice keeps its number', { field: 'number' })]
      : [],
  timeFields: { typed: ['dueAt'] },
  governedFields: ['number'],
};
