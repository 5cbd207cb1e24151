import { manage, sameRecord, type CollectionDefinition } from '../collection-definition';
import { searchKey } from '../derived-fields';
import { contactSchema, type Contact } from '../schemas/contact';

export const contacts: CollectionDefinition<'contacts', Contact> = {
  name: 'contacts',
  schema: contactSchema,
  // v1: fewer IndexedDB indexes. v2: the optional `lostEdits` of every record that merges.
  // v3: an index on owner and name for the record table (docs/adr/0031-record-table-queries.md).
  // v4: an index on email for an import's look-ups (docs/adr/0039-import-reads-what-it-matches.md).
  migrations: { 1: sameRecord, 2: sameRecord, 3: sameRecord, 4: sameRecord },
  appendOnly: false,
  hardDeletable: false,
  accessKeys: { owner: 'ownerId', team: 'teamId' },
  permissions: {
    // Converting a lead hands the contact to an account executive of the team.
    SDR: { read: 'own', create: 'team', update: 'own' },
    ACCOUNT_EXECUTIVE: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    SUPERVISOR: manage('team'),
    SALES_MANAGER: manage('all'),
  },
  derivedFields: ['nameKey'],
  deriveFields: (doc) => ({ ...doc, nameKey: searchKey(`${doc.lastName} ${doc.firstName}`).slice(0, 201) }),
};
