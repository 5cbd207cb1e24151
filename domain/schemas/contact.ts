import type { CollectionSchema, RecordOf } from './json-schema';
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

export const contactSchema = {
  title: 'contact',
  version: 4,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...mergeFields,
    ...ownershipFields,
    firstName: shortText(100),
    lastName: shortText(100),
    // "lastname firstname" lower-cased, for ordering and prefix search by index.
    nameKey: { type: 'string', maxLength: 201 },
    email: emailField,
    phone: phoneField,
    mobile: phoneField,
    title: shortText(100),
    // The contact's company, or '' for a person buying for themselves (B2C).
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
  // The list by name, a company's people, and "my contacts" by name (docs/adr/0031); an import's
  // look-up of the addresses its file names (docs/adr/0039).
  indexes: ['nameKey', ['companyId', 'nameKey'], ['ownerId', 'nameKey'], 'email'],
} as const satisfies CollectionSchema;

export type Contact = RecordOf<typeof contactSchema>;
