import { defaultPipeline } from '../../domain/default-records';
import type { Activity } from '../../domain/schemas/activity';
import type { Contact } from '../../domain/schemas/contact';
import type { Deal } from '../../domain/schemas/deal';
import type { Lead } from '../../domain/schemas/lead';
import type { RecordBase } from '../../domain/schemas/record';

type Body<T> = Omit<T, keyof RecordBase | 'nameKey' | 'titleKey'>;

export const PIPELINE = defaultPipeline();
export const STAGES = PIPELINE.stages.map((s) => s.id);

export function dealBody(overrides: Partial<Body<Deal>> = {}): Body<Deal> {
  return {
    title: 'Andes Logistics — fleet tracking',
    pipelineId: PIPELINE.id,
    stageId: STAGES[0]!,
    stageEnteredAt: '2026-11-01T10:00:00.000Z',
    rank: 'i',
    value: { amount: 1_250_000, currency: 'USD' },
    probability: null,
    expectedCloseDate: '2026-12-15',
    status: 'OPEN',
    lostReason: '',
    closedAt: null,
    contactId: '',
    companyId: '',
    leadId: '',
    lines: [],
    tags: [],
    notes: '',
    ownerId: '',
    teamId: '',
    ...overrides,
  };
}

export function contactBody(overrides: Partial<Body<Contact>> = {}): Body<Contact> {
  return {
    firstName: 'Lucía',
    lastName: 'Fernández',
    email: 'lucia@andes.example',
    phone: '+57 601 555 0101',
    mobile: '',
    title: 'COO',
    companyId: '',
    address: {},
    source: 'referral',
    tags: [],
    notes: '',
    ownerId: '',
    teamId: '',
    ...overrides,
  };
}

export function callBody(dealId: string, overrides: Partial<Body<Activity>> = {}): Body<Activity> {
  return {
    type: 'CALL',
    subject: 'Discovery call',
    body: '',
    dueAt: '2026-11-20T15:00:00.000Z',
    completedAt: '2026-11-20T15:20:00.000Z',
    durationSeconds: 1200,
    direction: 'OUTBOUND',
    outcome: 'CONNECTED',
    dealId,
    leadId: '',
    contactId: '',
    companyId: '',
    scriptAnswers: [],
    ownerId: '',
    teamId: '',
    ...overrides,
  };
}

export function leadBody(overrides: Partial<Body<Lead>> = {}): Body<Lead> {
  return {
    firstName: 'Lucía',
    lastName: 'Paredes',
    email: '',
    phone: '',
    companyName: 'Andes Logistics',
    title: '',
    interest: '',
    contactId: '',
    status: 'NEW',
    source: '',
    estimatedValue: null,
    disqualifyReason: '',
    qualifiedAt: null,
    convertedDealId: '',
    convertedAt: null,
    tags: [],
    notes: '',
    ownerId: '',
    teamId: '',
    ...overrides,
  };
}
