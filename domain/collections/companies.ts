import { manage, sameRecord, type CollectionDefinition } from '../collection-definition';
import { searchKey } from '../derived-fields';
import { companySchema, type Company } from '../schemas/company';

export const companies: CollectionDefinition<'companies', Company> = {
  name: 'companies',
  schema: companySchema,
  // v1: fewer IndexedDB indexes. v2: the optional `lostEdits` of every record that merges.
  // v3: an index on domain for an import's look-ups (docs/adr/0039-import-reads-what-it-matches.md).
  migrations: { 1: sameRecord, 2: sameRecord, 3: sameRecord },
  appendOnly: false,
  hardDeletable: false,
  accessKeys: { owner: 'ownerId', team: 'teamId' },
  permissions: {
    SDR: { read: 'team', create: 'team', update: 'own' },
    ACCOUNT_EXECUTIVE: { read: 'team', create: 'team', update: 'team', delete: 'own' },
    SUPERVISOR: manage('team'),
    SALES_MANAGER: manage('all'),
  },
  derivedFields: ['nameKey'],
  deriveFields: (doc) => ({ ...doc, nameKey: searchKey(doc.name).slice(0, 200) }),
};
