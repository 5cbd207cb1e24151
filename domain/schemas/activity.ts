import type { CollectionSchema, RecordOf } from './json-schema';
import {
  dateTimeField,
  nullableDateTimeField,
  ownershipFields,
  recordFields,
  mergeFields,
  recordRequired,
  refField,
  shortText,
  notesField,
} from './json-schema';

export const ACTIVITY_TYPES = ['CALL', 'EMAIL', 'MEETING', 'FOLLOW_UP'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const CALL_OUTCOMES = ['', 'CONNECTED', 'NO_ANSWER', 'VOICEMAIL', 'BUSY', 'WRONG_NUMBER'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const MAX_ACTIVITY_SUBJECT_LENGTH = 300;

export const activitySchema = {
  title: 'activity',
  version: 3,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...recordFields,
    ...mergeFields,
    ...ownershipFields,
    type: { type: 'string', enum: ACTIVITY_TYPES, maxLength: 10 },
    subject: { type: 'string', minLength: 1, maxLength: MAX_ACTIVITY_SUBJECT_LENGTH },
    body: notesField,
    // When it is planned for (meetings, follow-ups) or happened (logged calls, emails).
    dueAt: dateTimeField,
    completedAt: nullableDateTimeField,
    durationSeconds: { type: 'integer', minimum: 0, maximum: 86_400 },
    direction: { type: 'string', enum: ['', 'INBOUND', 'OUTBOUND'] },
    outcome: { type: 'string', enum: CALL_OUTCOMES },
    dealId: refField,
    leadId: refField,
    contactId: refField,
    companyId: refField,
    scriptAnswers: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['questionId', 'question', 'answer'],
        properties: { questionId: shortText(60), question: shortText(500), answer: shortText(2000) },
      },
    },
  },
  required: [
    ...recordRequired,
    'ownerId',
    'teamId',
    'type',
    'subject',
    'body',
    'dueAt',
    'completedAt',
    'durationSeconds',
    'direction',
    'outcome',
    'dealId',
    'leadId',
    'contactId',
    'companyId',
    'scriptAnswers',
  ],
  // The timelines of a deal, lead, contact and company, and the activities list by due date, all
  // or one owner's (docs/adr/0031-record-table-queries.md). Each index costs ~4 s per 100k records
  // on a first sync.
  indexes: [
    ['dealId', 'dueAt'],
    ['contactId', 'dueAt'],
    ['leadId', 'dueAt'],
    ['companyId', 'dueAt'],
    'dueAt',
    ['ownerId', 'dueAt'],
  ],
} as const satisfies CollectionSchema;

export type Activity = RecordOf<typeof activitySchema>;

/** An answer to one question of a call script; answers live inside the call activity. */
export type ScriptAnswer = Activity['scriptAnswers'][number];
