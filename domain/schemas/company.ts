import { DOMAIN_PATTERN } from '../field-rules';
import type { CollectionSchema, RecordOf } from './json-schema';
import {
  addressField,
  ownershipFields,
  phoneField,
  recordFields,
  mergeFields,
  recordRequired,
  shortText,
  tagsField,
  notesField,
} from './json-schema';

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const companySchema = {
  title: 'company',
  version: 3,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...mergeFields,
    ...ownershipFields,
    name: { type: 'string', minLength: 1, maxLength: 200 },
    // Lower-cased name, for ordering and prefix search by index.
    nameKey: { type: 'string', maxLength: 200 },
    // Web domain without scheme ("acme.com"); duplicate detection keys on it.
    domain: { type: 'string', maxLength: 253, pattern: `^$|${DOMAIN_PATTERN}` },
    industry: shortText(100),
    size: { type: 'string', enum: ['', ...COMPANY_SIZES], maxLength: 10 },
    phone: phoneField,
    website: shortText(300),
    address: addressField,
    tags: tagsField,
    notes: notesField,
  },
  required: [
    ...recordRequired,
    'ownerId',
    'teamId',
    'name',
    'nameKey',
    'domain',
    'industry',
    'size',
    'phone',
    'website',
    'address',
    'tags',
    'notes',
  ],
  // By name; by web domain for an import's look-up of the domains its file names (docs/adr/0039).
  indexes: ['nameKey', 'domain'],
} as const satisfies CollectionSchema;

export type Company = RecordOf<typeof companySchema>;
