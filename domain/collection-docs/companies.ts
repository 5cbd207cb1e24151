import type { CollectionDoc } from './collection-doc';
import { ADDRESS_FIELDS, LOST_EDIT_FIELDS, OWNERSHIP_FIELDS, RECORD_FIELDS } from './common-fields';
import { EXAMPLE_COMPANY_ID, EXAMPLE_TEAM_ID, EXAMPLE_USER_ID } from './example-ids';

export const companiesDoc: CollectionDoc<'companies'> = {
  summary: 'An organisation you sell to. Contacts may belong to one; a person buying for themselves has none (B2C).',
  fields: {
    ...RECORD_FIELDS,
    ...LOST_EDIT_FIELDS,
    ...OWNERSHIP_FIELDS,
    name: 'The company’s name as people write it.',
    nameKey: 'Derived: `searchKey(name)`, cut to 200 characters; lists sort and search by it (see Conventions).',
    domain:
      'Web domain without scheme or `www.` ("andes-logistics.com"), lower-case, or `""`; duplicates are spotted by it.',
    industry: 'Industry, free text.',
    size: 'Head count band, or `""` when unknown.',
    phone: 'Main phone number: digits, spaces and `+ ( ) - . / x`.',
    website: 'Web address as typed, or `""`.',
    ...ADDRESS_FIELDS,
    tags: 'Free labels, unique within the record.',
    notes: 'Free text.',
  },
  example: {
    id: EXAMPLE_COMPANY_ID,
    createdAt: '2025-03-04T14:22:10.512Z',
    updatedAt: '2025-03-04T14:22:10.512Z',
    createdBy: EXAMPLE_USER_ID,
    updatedBy: EXAMPLE_USER_ID,
    hlc: '001741098130512-00000-ana01',
    clocks: {},
    deletedAt: null,
    ownerId: EXAMPLE_USER_ID,
    teamId: EXAMPLE_TEAM_ID,
    name: 'Andes Logística S.A.',
    nameKey: 'andes logistica s.a.',
    domain: 'andes-logistica.com',
    industry: 'Logistics',
    size: '201-1000',
    phone: '+56 2 2345 6789',
    website: 'https://andes-logistica.com',
    address: {
      street: 'Av. Apoquindo 4501',
      city: 'Santiago',
      region: 'Región Metropolitana',
      postalCode: '7550000',
      country: 'CL',
    },
    tags: ['enterprise', 'cold-chain'],
    notes: 'Runs 14 warehouses; evaluating route planning for Q3.',
  },
  rules: [
    '`name` is required (at least one character); `nameKey` must be recomputed from it on every write, merges included.',
    'Companies are archived (`deletedAt`), never removed: a push with `_deleted: true` is refused (`record.hardDeleteForbidden`).',
  ],
};
