import { describe, expect, it } from 'vitest';
import {
  activitiesToCarry,
  convertLeadToDeal,
  decideCompany,
  defaultCloseDate,
  defaultDealTitle,
  defaultDealValue,
  type ConversionInput,
} from '@domain/lead-conversion';
import { checkLeadWrite } from '@domain/lead-lifecycle';
import { money } from '@domain/money';
import { createRecord } from '@domain/record-edits';
import type { LeadStatus } from '@domain/schemas/lead';
import { checkRecordWrite } from '@domain/write-rules';
import {
  STAGE,
  TEAM,
  USER_A,
  USER_B,
  ctxAt,
  makeActivity,
  makeCompany,
  makeContact,
  makeLead,
  salesPipeline,
  testId,
} from './fixtures';

const AT = '2026-03-05T16:30:00.000Z';

function input(overrides: Partial<ConversionInput> = {}): ConversionInput {
  return {
    pipeline: salesPipeline(),
    title: 'Summit Foods — Pilot',
    value: money(2_500_000, 'USD'),
    expectedCloseDate: '2026-04-30',
    ownerId: USER_B,
    teamId: TEAM,
    company: { kind: 'link', companyId: testId(0xc001) },
    ids: { deal: testId(0xd001), contact: testId(0xc777), stageChange: testId(0x5c77), company: testId(0xc0de) },
    rank: 'i',
    at: AT,
    by: USER_A,
    ...overrides,
  };
}

const qualified = () => makeLead({ status: 'QUALIFIED', qualifiedAt: '2026-03-01T10:00:00.000Z' });

describe('convertLeadToDeal', () => {
  it.each<LeadStatus>(['NEW', 'CONTACTED', 'DISQUALIFIED', 'CONVERTED'])(
    'rejects converting a lead that is %s (not QUALIFIED) with lead.convertNotQualified',
    (status) => {
      const result = convertLeadToDeal(makeLead({ status }), input());
      expect(result).toEqual({
        ok: false,
        errors: [expect.objectContaining({ code: 'lead.convertNotQualified', params: { from: status } })],
      });
    },
  );

  it('creates an OPEN deal in the first active stage, skipping retired stages', () => {
    const result = convertLeadToDeal(qualified(), input());
    if (!result.ok) throw new Error('expected a plan');
    expect(result.value.deal).toMatchObject({
      id: testId(0xd001),
      pipelineId: salesPipeline().id,
      stageId: STAGE.leadIn,
      stageEnteredAt: AT,
      status: 'OPEN',
      closedAt: null,
      lostReason: '',
      probability: null,
      value: money(2_500_000, 'USD'),
      leadId: qualified().id,
      ownerId: USER_B,
      teamId: TEAM,
      title: 'Summit Foods — Pilot',
    });
  });

  it('records the deal’s first stage change, from no stage to the first stage', () => {
    const result = convertLeadToDeal(qualified(), input());
    if (!result.ok) throw new Error('expected a plan');
    expect(result.value.stageChange).toEqual({
      id: testId(0x5c77),
      dealId: testId(0xd001),
      pipelineId: salesPipeline().id,
      fromStageId: '',
      toStageId: STAGE.leadIn,
      fromStatus: '',
      toStatus: 'OPEN',
      at: AT,
      by: USER_A,
      ownerId: USER_B,
      teamId: TEAM,
    });
  });

  it('creates the contact from the lead when there is none', () => {
    const lead = qualified();
    const result = convertLeadToDeal(lead, input());
    if (!result.ok) throw new Error('expected a plan');
    expect(result.value.newContact).toMatchObject({
      id: testId(0xc777),
      firstName: lead.firstName,
      lastName: lead.lastName,
      email: lead.email,
      phone: lead.phone,
      title: lead.title,
      source: lead.source,
      companyId: testId(0xc001),
      ownerId: USER_B,
    });
    expect(result.value.deal.contactId).toBe(testId(0xc777));
    expect(result.value.deal.companyId).toBe(testId(0xc001));
  });

  it('links an existing contact instead of creating one, filing the deal under its company', () => {
    const contact = makeContact({ companyId: testId(0xc002) });
    const result = convertLeadToDeal(qualified(), input({ existingContact: contact }));
    if (!result.ok) throw new Error('expected a plan');
    expect(result.value.newContact).toBeNull();
    expect(result.value.deal.contactId).toBe(contact.id);
    expect(result.value.deal.companyId).toBe(testId(0xc002));
    expect(result.value.leadPatch.contactId).toBe(contact.id);
  });

  it('links the contact the lead already points to', () => {
    const result = convertLeadToDeal(makeLead({ status: 'QUALIFIED', contactId: testId(0xc555) }), input());
    if (!result.ok) throw new Error('expected a plan');
    expect(result.value.newContact).toBeNull();
    expect(result.value.deal.contactId).toBe(testId(0xc555));
  });

  it('marks the lead CONVERTED with links that satisfy the lead rules', () => {
    const lead = qualified();
    const result = convertLeadToDeal(lead, input());
    if (!result.ok) throw new Error('expected a plan');
    expect(result.value.leadPatch).toEqual({
      status: 'CONVERTED',
      convertedDealId: testId(0xd001),
      convertedAt: AT,
      contactId: testId(0xc777),
    });
    expect(checkLeadWrite(lead, { ...lead, ...result.value.leadPatch })).toEqual([]);
  });

  it('produces a deal that passes the deal write rules once created', () => {
    const result = convertLeadToDeal(qualified(), input());
    if (!result.ok) throw new Error('expected a plan');
    const { id, ...body } = result.value.deal;
    const deal = createRecord('deals', id, { ...body, titleKey: '' }, ctxAt(50));
    const pipeline = salesPipeline();
    const lookups = {
      pipeline: (pid: string) => (pid === pipeline.id ? pipeline : undefined),
      nowMs: Date.parse(AT),
      pipelineMayBePending: false,
    };
    expect(checkRecordWrite('deals', null, deal, lookups)).toEqual([]);
  });

  it('honours a chosen stage, but refuses retired and unknown ones', () => {
    const chosen = convertLeadToDeal(qualified(), input({ stageId: STAGE.demo }));
    expect(chosen.ok && chosen.value.deal.stageId).toBe(STAGE.demo);
    const retired = convertLeadToDeal(qualified(), input({ stageId: STAGE.retired }));
    expect(!retired.ok && retired.errors[0]!.code).toBe('deal.retiredStage');
    const unknown = convertLeadToDeal(qualified(), input({ stageId: testId(0xbad) }));
    expect(!unknown.ok && unknown.errors[0]!.code).toBe('deal.unknownStage');
  });

  it('refuses a pipeline with no active stage', () => {
    const pipeline = salesPipeline();
    const allRetired = { ...pipeline, stages: pipeline.stages.map((s) => ({ ...s, retired: true })) };
    const result = convertLeadToDeal(qualified(), input({ pipeline: allRetired }));
    expect(!result.ok && result.errors[0]!.code).toBe('deal.unknownStage');
  });

  it('refuses a blank title, a negative value and an impossible close date, naming each', () => {
    const result = convertLeadToDeal(
      qualified(),
      input({ title: '   ', value: money(-100, 'USD'), expectedCloseDate: '2026-04-31' }),
    );
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual([
      'deal.titleRequired',
      'deal.negativeValue',
      'deal.invalidCloseDate',
    ]);
  });

  it('refuses a close date in the year 9999, as the server would', () => {
    const result = convertLeadToDeal(qualified(), input({ expectedCloseDate: '9999-12-31' }));
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual(['record.dateOutOfRange']);
  });

  it('accepts a deal worth nothing yet and one with no close date', () => {
    const result = convertLeadToDeal(qualified(), input({ value: money(0, 'USD'), expectedCloseDate: '' }));
    expect(result.ok).toBe(true);
  });

  it('trims the title it is given', () => {
    const result = convertLeadToDeal(qualified(), input({ title: '  Summit Foods — Pilot  ' }));
    expect(result.ok && result.value.deal.title).toBe('Summit Foods — Pilot');
  });

  it('creates the company the lead names, files the new contact under it with the job title, and links the deal', () => {
    const lead = qualified();
    const result = convertLeadToDeal(lead, input({ company: { kind: 'create', name: ' Summit Foods ' } }));
    if (!result.ok) throw new Error('expected a plan');
    expect(result.value.newCompany).toMatchObject({
      id: testId(0xc0de),
      name: 'Summit Foods',
      domain: '',
      ownerId: USER_B,
      teamId: TEAM,
    });
    expect(result.value.newContact).toMatchObject({ companyId: testId(0xc0de), title: 'Operations Manager' });
    expect(result.value.deal.companyId).toBe(testId(0xc0de));
    const { id, ...body } = result.value.newCompany!;
    const company = createRecord('companies', id, body, ctxAt(50));
    const lookups = { pipeline: () => undefined, nowMs: Date.parse(AT), pipelineMayBePending: false };
    expect(checkRecordWrite('companies', null, company, lookups)).toEqual([]);
  });

  it('links an existing company without creating one', () => {
    const result = convertLeadToDeal(qualified(), input({ company: { kind: 'link', companyId: testId(0xc002) } }));
    if (!result.ok) throw new Error('expected a plan');
    expect(result.value.newCompany).toBeNull();
    expect(result.value.newContact?.companyId).toBe(testId(0xc002));
    expect(result.value.deal.companyId).toBe(testId(0xc002));
  });

  it('files a person buying for themselves under no company', () => {
    const result = convertLeadToDeal(qualified(), input({ company: { kind: 'none' } }));
    if (!result.ok) throw new Error('expected a plan');
    expect(result.value.newCompany).toBeNull();
    expect(result.value.newContact?.companyId).toBe('');
    expect(result.value.deal.companyId).toBe('');
  });

  it('creates no company for a lead that already has its contact: the deal goes with the contact’s company', () => {
    const contact = makeContact({ companyId: testId(0xc002) });
    const result = convertLeadToDeal(
      makeLead({ status: 'QUALIFIED', contactId: contact.id }),
      input({ existingContact: contact, company: { kind: 'create', name: 'Summit Foods' } }),
    );
    if (!result.ok) throw new Error('expected a plan');
    expect(result.value.newCompany).toBeNull();
    expect(result.value.newContact).toBeNull();
    expect(result.value.deal.companyId).toBe(testId(0xc002));
  });

  it('carries the lead’s tags and notes without sharing its arrays', () => {
    const lead = qualified();
    const result = convertLeadToDeal(lead, input());
    if (!result.ok) throw new Error('expected a plan');
    expect(result.value.deal.tags).toEqual(lead.tags);
    expect(result.value.deal.tags).not.toBe(lead.tags);
    expect(result.value.deal.notes).toBe(lead.notes);
  });
});

describe('defaultDealTitle', () => {
  it('names the deal after the company and what they want', () => {
    expect(defaultDealTitle(makeLead(), 'New business')).toEqual({
      title: 'Summit Foods — Pilot for two warehouses',
      standIn: null,
    });
  });

  it('spells the company as the workspace does when the deal is filed under one that exists', () => {
    const lead = makeLead({ companyName: 'DISTRIBUIDORA nuñez', interest: 'Pilot' });
    expect(defaultDealTitle(lead, 'New business', makeCompany()).title).toBe(
      'Distribuidora Núñez S.A. de C.V. — Pilot',
    );
  });

  it('names the deal after the person when they buy for themselves', () => {
    expect(defaultDealTitle(makeLead({ companyName: '', interest: 'Home plan' }), 'New business').title).toBe(
      'Jordan Miller — Home plan',
    );
  });

  it('puts the stand-in where what they want goes, and says where it is so it can be typed over', () => {
    const proposed = defaultDealTitle(makeLead({ interest: '  ' }), 'New business');
    expect(proposed.title).toBe('Summit Foods — New business');
    expect(proposed.title.slice(proposed.standIn!.start, proposed.standIn!.end)).toBe('New business');
    const person = defaultDealTitle(makeLead({ companyName: '', interest: '' }), 'Nuevo negocio');
    expect(person.title).toBe('Jordan Miller — Nuevo negocio');
    expect(person.title.slice(person.standIn!.start)).toBe('Nuevo negocio');
  });

  it('never proposes a title longer than a deal title may be', () => {
    const proposed = defaultDealTitle(makeLead({ companyName: 'Ñ'.repeat(190), interest: '' }), 'New business');
    expect([...proposed.title]).toHaveLength(200);
    const result = convertLeadToDeal(qualified(), input({ title: proposed.title }));
    expect(result.ok).toBe(true);
  });
});

describe('defaultCloseDate', () => {
  it('proposes 30 days from today, across month and year ends', () => {
    expect(defaultCloseDate('2026-03-05')).toBe('2026-04-04');
    expect(defaultCloseDate('2026-12-15')).toBe('2027-01-14');
    expect(defaultCloseDate('2028-02-10')).toBe('2028-03-11');
  });
});

describe('defaultDealValue', () => {
  it('takes the lead’s estimate when it is in the pipeline’s currency', () => {
    expect(defaultDealValue(makeLead(), 'USD')).toEqual({
      value: money(1_200_000, 'USD'),
      estimateInOtherCurrency: null,
    });
  });

  it('never converts an estimate in another currency: it hands it back to be shown', () => {
    expect(defaultDealValue(makeLead({ estimatedValue: money(900_000, 'EUR') }), 'USD')).toEqual({
      value: null,
      estimateInOtherCurrency: money(900_000, 'EUR'),
    });
  });

  it('proposes nothing when the lead has no estimate', () => {
    expect(defaultDealValue(makeLead({ estimatedValue: null }), 'USD')).toEqual({
      value: null,
      estimateInOtherCurrency: null,
    });
  });
});

describe('decideCompany', () => {
  const company = (id: number, name: string, deletedAt: string | null = null) =>
    makeCompany({ id: testId(id), name, deletedAt });

  it('links the company whose name matches once case, accents and spaces are set aside', () => {
    const nunez = company(0xc010, 'Distribuidora Núñez');
    const lead = makeLead({ companyName: '  DISTRIBUIDORA   nuñez ' });
    expect(decideCompany(lead, null, [company(0xc011, 'Distribuidora Norte'), nunez])).toEqual({
      kind: 'link',
      companyId: nunez.id,
    });
  });

  it('links the oldest of several companies of that name, and never a deleted one', () => {
    const lead = makeLead({ companyName: 'Summit Foods' });
    const candidates = [
      company(0xc013, 'Summit Foods'),
      company(0xc012, 'summit foods'),
      company(0xc001, 'Summit Foods', '2026-03-01T10:00:00.000Z'),
    ];
    expect(decideCompany(lead, null, candidates)).toEqual({ kind: 'link', companyId: testId(0xc012) });
  });

  it('creates a company of the lead’s name when none matches', () => {
    const lead = makeLead({ companyName: ' Summit Foods ' });
    expect(decideCompany(lead, null, [company(0xc010, 'Summit Foods Inc.')])).toEqual({
      kind: 'create',
      name: 'Summit Foods',
    });
  });

  it('files a lead with no company name under no company', () => {
    expect(decideCompany(makeLead({ companyName: '  ' }), null, [company(0xc010, 'Summit Foods')])).toEqual({
      kind: 'none',
    });
  });

  it('goes with the company of the contact the lead already points to, or none', () => {
    const lead = makeLead({ companyName: 'Summit Foods' });
    expect(decideCompany(lead, makeContact({ companyId: testId(0xc002) }), [])).toEqual({
      kind: 'link',
      companyId: testId(0xc002),
    });
    expect(decideCompany(lead, makeContact({ companyId: '' }), [company(0xc010, 'Summit Foods')])).toEqual({
      kind: 'none',
    });
  });

  it('makes up no company for a lead whose contact is not on this device', () => {
    const lead = makeLead({ companyName: 'Summit Foods', contactId: testId(0xc555) });
    expect(decideCompany(lead, null, [company(0xc010, 'Summit Foods')])).toEqual({ kind: 'none' });
  });
});

describe('activitiesToCarry', () => {
  const lead = makeLead({ id: testId(0x1ead) });
  const dealId = testId(0xd001);

  it('files the lead’s activities under the new deal and keeps their lead', () => {
    const call = makeActivity({ id: testId(0xa1), leadId: lead.id, dealId: '' });
    expect(activitiesToCarry(lead, [call], dealId)).toEqual([{ id: call.id, patch: { dealId } }]);
  });

  it('leaves activities of another lead, already on a deal, or deleted where they are', () => {
    const other = makeActivity({ id: testId(0xa2), leadId: testId(0x1eae), dealId: '' });
    const filed = makeActivity({ id: testId(0xa3), leadId: lead.id, dealId: testId(0xd777) });
    const binned = makeActivity({
      id: testId(0xa4),
      leadId: lead.id,
      dealId: '',
      deletedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(activitiesToCarry(lead, [other, filed, binned], dealId)).toEqual([]);
  });
});
