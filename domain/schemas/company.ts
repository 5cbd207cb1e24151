import { DOMAIN_PATTERN } from '../field-rules';
import type { CollectionSchema } from './json-schema';
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
import type { Address, Owned, RecordBase } from './record';

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export interface Company extends RecordBase, Owned {
  name: string;
  /** Lower-cased name, for ordering and prefix search by index. */
  nameKey: string;
  /** Web domain without scheme ("acme.com"); duplicate detection keys on it. */
  domain: string;
  industry: string;
  size: CompanySize | '';
  phone: string;
  website: string;
  address: Address;
  tags: string[];
  notes: string;
}

export const companySchema: CollectionSchema = {
  title: 'company',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...mergeFields,
    ...ownershipFields,
    name: { type: 'string', minLength: 1, maxLength: 200 },
    nameKey: { type: 'string', maxLength: 200 },
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
  indexes: ['nameKey'],
};
