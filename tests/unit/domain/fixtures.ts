import type { CollectionDocs, CollectionName } from '@domain/collections';
import { formatHlc } from '@domain/hlc';
import { createRecord, type EditContext } from '@domain/record-edits';
import type { Activity } from '@domain/schemas/activity';
import type { Company } from '@domain/schemas/company';
import type { Contact } from '@domain/schemas/contact';
import type { Deal } from '@domain/schemas/deal';
import type { Lead } from '@domain/schemas/lead';
import type { Pipeline, Stage } from '@domain/schemas/pipeline';
import { toIso } from '@domain/time';

/** Shared builders for the domain tests: realistic records made the way the app makes them. */

export const BASE_MS = Date.UTC(2026, 2, 2, 15, 0, 0);

/** A fixed, valid UUIDv7-shaped id; `n` keeps ids distinct and readable in failure output. */
export function testId(n: number): string {
  return `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const USER_A = testId(0xa1);
export const USER_B = testId(0xb2);
export const TEAM = testId(0x7e);

/** An edit context `step` seconds after BASE_MS on node `node`. */
export function ctxAt(step: number, userId = USER_A, node = 'a'): EditContext {
  const ms = BASE_MS + step * 1000;
  return { userId, hlc: formatHlc({ wallMs: ms, counter: 0, node }), now: toIso(ms) };
}

export const STAGE = {
  leadIn: testId(0x5001),
  qualified: testId(0x5002),
  demo: testId(0x5003),
  proposal: testId(0x5004),
  negotiation: testId(0x5005),
  retired: testId(0x5006),
};

export function stage(id: string, name: string, probability: number, rottingDays = 14, retired = false): Stage {
  return { id, name, probability, rottingDays, retired };
}

/** The Sales pipeline, with a retired first stage so that "first stage" has to skip it. */
export function salesPipeline(): Pipeline {
  return createRecord(
    'pipelines',
    testId(0x9001),
    {
      name: 'Sales',
      position: 0,
      isDefault: true,
      currency: 'USD',
      teamId: '',
      stages: [
        stage(STAGE.retired, 'Discovery (old)', 5, 7, true),
        stage(STAGE.leadIn, 'Lead In', 10, 7),
        stage(STAGE.qualified, 'Qualified', 25, 14),
        stage(STAGE.demo, 'Demo', 50, 14),
        stage(STAGE.proposal, 'Proposal', 70, 21),
        stage(STAGE.negotiation, 'Negotiation', 85, 0),
      ],
    },
    ctxAt(0),
  );
}

export function makeCompany(overrides: Partial<Company> = {}, step = 1): Company {
  const c = createRecord(
    'companies',
    testId(0xc001),
    {
      name: 'Distribuidora Núñez S.A. de C.V.',
      nameKey: '',
      domain: 'distribuidoranunez.com.mx',
      industry: 'Wholesale',
      size: '51-200',
      phone: '+52 55 1234 5678',
      website: 'https://www.distribuidoranunez.com.mx',
      address: {
        street: 'Av. Reforma 222',
        city: 'Ciudad de México',
        region: 'CDMX',
        postalCode: '06600',
        country: 'MX',
      },
      tags: ['enterprise'],
      notes: '',
      ownerId: USER_A,
      teamId: TEAM,
    },
    ctxAt(step),
  );
  return { ...c, ...overrides };
}

export function makeContact(overrides: Partial<Contact> = {}, step = 2): Contact {
  const c = createRecord(
    'contacts',
    testId(0xc101),
    {
      firstName: 'María José',
      nameKey: '',
      lastName: 'Núñez',
      email: 'mariajose.nunez@distribuidoranunez.com.mx',
      phone: '+52 55 1234 5678',
      mobile: '+52 1 55 8765 4321',
      title: 'Directora de Compras',
      companyId: testId(0xc001),
      address: { city: 'Ciudad de México', country: 'MX' },
      source: 'referral',
      tags: ['vip'],
      notes: 'Prefers WhatsApp.',
      ownerId: USER_A,
      teamId: TEAM,
    },
    ctxAt(step),
  );
  return { ...c, ...overrides };
}

export function makeLead(overrides: Partial<Lead> = {}, step = 3): Lead {
  const l = createRecord(
    'leads',
    testId(0x1ead),
    {
      firstName: 'Jordan',
      nameKey: '',
      lastName: 'Miller',
      email: 'jordan.miller@summitfoods.com',
      phone: '+1 (512) 555-0142',
      companyName: 'Summit Foods',
      title: 'Operations Manager',
      interest: 'Pilot for two warehouses',
      contactId: '',
      status: 'NEW',
      source: 'web-form',
      estimatedValue: { amount: 1_200_000, currency: 'USD' },
      disqualifyReason: '',
      qualifiedAt: null,
      convertedDealId: '',
      convertedAt: null,
      tags: ['smb'],
      notes: 'Asked for a demo next week.',
      ownerId: USER_A,
      teamId: TEAM,
    },
    ctxAt(step),
  );
  return { ...l, ...overrides };
}

export function makeDeal(overrides: Partial<Deal> = {}, step = 4): Deal {
  const d = createRecord(
    'deals',
    testId(0xdea1),
    {
      title: 'Summit Foods — Annual subscription',
      titleKey: '',
      pipelineId: testId(0x9001),
      stageId: STAGE.qualified,
      stageEnteredAt: toIso(BASE_MS),
      rank: 'i',
      value: { amount: 4_500_000, currency: 'USD' },
      probability: null,
      expectedCloseDate: '2026-04-15',
      status: 'OPEN',
      lostReason: '',
      closedAt: null,
      contactId: testId(0xc101),
      companyId: testId(0xc001),
      leadId: '',
      lines: [
        {
          id: testId(0x11e1),
          sku: 'OUT-PRO',
          name: 'Outpost Pro seat',
          quantity: 30,
          unitPrice: { amount: 150_000, currency: 'USD' },
          discountBp: 0,
        },
      ],
      tags: [],
      notes: '',
      ownerId: USER_A,
      teamId: TEAM,
    },
    ctxAt(step),
  );
  return { ...d, ...overrides };
}

export function makeActivity(overrides: Partial<Activity> = {}, step = 5): Activity {
  const a = createRecord(
    'activities',
    testId(0xac71),
    {
      type: 'CALL',
      subject: 'Discovery call',
      body: 'Talked budget and timing.',
      dueAt: toIso(BASE_MS + 3_600_000),
      completedAt: toIso(BASE_MS + 4_200_000),
      durationSeconds: 600,
      direction: 'OUTBOUND',
      outcome: 'CONNECTED',
      dealId: testId(0xdea1),
      leadId: '',
      contactId: testId(0xc101),
      companyId: testId(0xc001),
      scriptAnswers: [{ questionId: 'budget', question: 'Is there a budget?', answer: 'Yes, Q2' }],
      ownerId: USER_A,
      teamId: TEAM,
    },
    ctxAt(step),
  );
  return { ...a, ...overrides };
}

/** One realistic record of every collection, made through createRecord. */
export function sampleRecords(): { [C in CollectionName]: CollectionDocs[C] } {
  return {
    companies: makeCompany(),
    contacts: makeContact(),
    leads: makeLead(),
    deals: makeDeal(),
    activities: makeActivity(),
    pipelines: salesPipeline(),
    stage_changes: createRecord(
      'stage_changes',
      testId(0x5c01),
      {
        dealId: testId(0xdea1),
        pipelineId: testId(0x9001),
        fromStageId: STAGE.leadIn,
        toStageId: STAGE.qualified,
        fromStatus: 'OPEN',
        toStatus: 'OPEN',
        at: toIso(BASE_MS),
        by: USER_A,
        ownerId: USER_A,
        teamId: TEAM,
      },
      ctxAt(6),
    ),
    saved_views: createRecord(
      'saved_views',
      testId(0x5a01),
      {
        userId: USER_A,
        sharedWithTeamId: '',
        section: 'deals',
        name: 'My open deals',
        filters: [{ field: 'status', op: 'eq', value: '"OPEN"' }],
        sort: [{ field: 'expectedCloseDate', direction: 'asc' }],
        columns: [
          { field: 'title', width: 280 },
          { field: 'value', width: 120 },
        ],
        density: 'compact',
        position: 0,
      },
      ctxAt(7),
    ),
    users: createRecord(
      'users',
      USER_A,
      {
        name: 'Lucía Fernández',
        email: 'lucia.fernandez@outpost.example',
        role: 'SUPERVISOR',
        teamId: TEAM,
        active: true,
        locale: 'es',
        avatarHue: 210,
      },
      ctxAt(8),
    ),
    settings: createRecord(
      'settings',
      testId(0x5e01),
      {
        kind: 'lead-sources',
        items: [
          { key: 'web-form', label: 'Web form', retired: false },
          { key: 'trade-show', label: 'Trade show', retired: true },
        ],
      },
      ctxAt(9),
    ),
  };
}
