import type { CollectionSchema, RecordOf } from './json-schema';
import {
  emailField,
  nullableMoneyField,
  nullableDateTimeField,
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

export const LEAD_STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const leadSchema = {
  title: 'lead',
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
    nameKey: { type: 'string', maxLength: 201 },
    email: emailField,
    phone: phoneField,
    // The company the person said they are from, before any Company record exists.
    companyName: shortText(200),
    title: shortText(100),
    /**
     * What they want, in their words ("Pilot for two warehouses"): a short phrase that names the
     * deal a conversion makes ("<company> — <interest>"). '' when nobody has asked yet.
     */
    interest: shortText(150),
    // The contact this lead is about, once known or created by conversion; '' before.
    contactId: refField,
    status: { type: 'string', enum: LEAD_STATUSES, maxLength: 12 },
    // Lead source key from settings (web form, referral, trade show…).
    source: shortText(60),
    // Expected value, when the SDR has an idea of it.
    estimatedValue: nullableMoneyField,
    disqualifyReason: shortText(200),
    // When the lead was last qualified; null unless QUALIFIED or CONVERTED.
    qualifiedAt: nullableDateTimeField,
    // Set by conversion: the deal this lead became.
    convertedDealId: refField,
    convertedAt: nullableDateTimeField,
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
    'companyName',
    'title',
    'interest',
    'contactId',
    'status',
    'source',
    'estimatedValue',
    'disqualifyReason',
    'qualifiedAt',
    'convertedDealId',
    'convertedAt',
    'tags',
    'notes',
  ],
  // The list by name, its usual filters (status, owner) by name, and a contact's leads (docs/adr/0031).
  indexes: ['nameKey', 'contactId', ['status', 'nameKey'], ['ownerId', 'nameKey'], 'email'],
} as const satisfies CollectionSchema;

export type Lead = RecordOf<typeof leadSchema>;
