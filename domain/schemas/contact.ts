import type { CollectionSchema } from './json-schema';
import {
  addressField,
  emailField,
  ownershipFields,
  phoneField,
  recordFields,
  mergeFields,
  recordRequired,
  refField,
  shortText,
  tagsField,
  notesField,
} from './json-schema';
import type { Address, Owned, RecordBase } from './record';

export interface Contact extends RecordBase, Owned {
  firstName: string;
  lastName: string;
  /** "lastname firstname" lower-cased, for ordering and prefix search by index. */
  nameKey: string;
  email: string;
  phone: string;
  mobile: string;
  title: string;
  /** The contact's company, or '' for a person buying for themselves (B2C). */
  companyId: string;
  address: Address;
  source: string;
  tags: string[];
  notes: string;
}

export const contactSchema: CollectionSchema = {
  title: 'contact',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...mergeFields,
    ...ownershipFields,
    firstName: shortText(100),
    lastName: shortText(100),
    nameKey: { type: 'string', maxLength: 201 },
    email: emailField,
    phone: phoneField,
    mobile: phoneField,
    title: shortText(100),
    companyId: refField,
    address: addressField,
    source: shortText(60),
    tags: tagsField,
    notes: notesField,
  },
  required: [
    ...recordRequired,
    'ownerId',
    'teamId',
    'firstName',
    'lastName',
    'nameKey',
    'email',
    'phone',
    'mobile',
    'title',
    'companyId',
    'address',
    'source',
    'tags',
    'notes',
  ],
  indexes: ['nameKey', ['companyId', 'nameKey']],
};
