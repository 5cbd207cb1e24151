import type { CollectionSchema } from './json-schema';
import {
  emailField,
  moneyField,
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
import type { Money, Owned, RecordBase } from './record';
import type { IsoDateTime } from '../time';

export const LEAD_STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export interface Lead extends RecordBase, Owned {
  firstName: string;
  lastName: string;
  nameKey: string;
  email: string;
  phone: string;
  /** The company the person said they are from, before any Company record exists. */
  companyName: string;
  title: string;
  /**
   * What they want, in their words ("Pilot for two warehouses"): a short phrase that names the
   * deal a conversion makes ("<company> — <interest>"). '' when nobody has asked yet.
   */
  interest: string;
  /** The contact this lead is about, once known or created by conversion; '' before. */
  contactId: string;
  status: LeadStatus;
  /** Lead source key from settings (web form, referral, trade show…). */
  source: string;
  /** Expected value, when the SDR has an idea of it. */
  estimatedValue: Money | null;
  disqualifyReason: string;
  /** When the lead was last qualified; null unless QUALIFIED or CONVERTED. */
  qualifiedAt: IsoDateTime | null;
  /** Set by conversion: the deal this lead became. */
  convertedDealId: string;
  convertedAt: IsoDateTime | null;
  tags: string[];
  notes: string;
}

export const leadSchema: CollectionSchema = {
  title: 'lead',
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
    companyName: shortText(200),
    title: shortText(100),
    interest: shortText(150),
    contactId: refField,
    status: { type: 'string', enum: LEAD_STATUSES, maxLength: 12 },
    source: shortText(60),
    estimatedValue: { ...moneyField, type: ['object', 'null'] },
    disqualifyReason: shortText(200),
    qualifiedAt: nullableDateTimeField,
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
  indexes: ['nameKey', 'contactId'],
};
