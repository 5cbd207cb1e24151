import { manage, sameRecord, type CollectionDefinition } from '../collection-definition';
import { searchKey } from '../derived-fields';
import { checkLeadWrite } from '../lead-lifecycle';
import { leadSchema, type Lead } from '../schemas/lead';

export const leads: CollectionDefinition<'leads', Lead> = {
  name: 'leads',
  schema: leadSchema,
  migrations: {
    // v1: leads record when they were qualified, so a conversion made offline can be checked.
    1: (doc) => ({
      ...doc,
      qualifiedAt:
        doc.status === 'QUALIFIED' || doc.status === 'CONVERTED' ? (doc.convertedAt ?? doc.updatedAt ?? null) : null,
    }),
    // v2: leads say what the person wants, which names the deal a conversion makes; nobody has
    // asked the leads written before. (v2 of every record that merges also allows `lostEdits`.)
    2: (doc) => ({ ...doc, interest: typeof doc.interest === 'string' ? doc.interest : '' }),
    // v3: indexes on status and owner by name for the record table (docs/adr/0031-record-table-queries.md).
    3: sameRecord,
    // v4: an index on email for an import's look-ups (docs/adr/0039-import-reads-what-it-matches.md).
    4: sameRecord,
  },
  appendOnly: false,
  hardDeletable: false,
  accessKeys: { owner: 'ownerId', team: 'teamId' },
  permissions: {
    // Leads are the SDR's work: their own and the unassigned queue.
    SDR: {
      read: 'ownOrUnassigned',
      create: 'ownOrUnassigned',
      update: 'ownOrUnassigned',
      delete: 'own',
      reassign: 'ownOrUnassigned',
      convert: 'ownOrUnassigned',
    },
    ACCOUNT_EXECUTIVE: { read: 'own', create: 'own', update: 'own', delete: 'own', convert: 'own' },
    SUPERVISOR: manage('team'),
    SALES_MANAGER: manage('all'),
  },
  extraPermissions: (before, after) =>
    after.status === 'CONVERTED' && before?.status !== 'CONVERTED'
      ? [{ action: 'convert', why: 'your role may not convert this lead' }]
      : [],
  derivedFields: ['nameKey'],
  deriveFields: (doc) => ({ ...doc, nameKey: searchKey(`${doc.lastName} ${doc.firstName}`).slice(0, 201) }),
  checkWrite: (before, after) => checkLeadWrite(before, after),
  timeFields: { stamped: ['qualifiedAt', 'convertedAt'] },
  governedFields: ['status', 'qualifiedAt', 'convertedDealId', 'convertedAt', 'disqualifyReason', 'contactId'],
};
