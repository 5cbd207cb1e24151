import { describe, expect, it } from 'vitest';
import { convertLeadToDeal, type ConversionInput } from '@domain/lead-conversion';
import { checkLeadWrite } from '@domain/lead-lifecycle';
import { money } from '@domain/money';
import { createRecord } from '@domain/record-edits';
import type { LeadStatus } from '@domain/schemas/lead';
import { checkRecordWrite } from '@domain/write-rules';
import { STAGE, TEAM, USER_A, USER_B, ctxAt, makeContact, makeLead, salesPipeline, testId } from './fixtures';

const AT = '2026-03-05T16:30:00.000Z';

function input(overrides: Partial<ConversionInput> = {}): ConversionInput {
  return {
    pipeline: salesPipeline(),
    title: 'Summit Foods — Pilot',
    value: money(2_500_000, 'USD'),
    expectedCloseDate: '2026-04-30',
    ownerId: USER_B,
    teamId: TEAM,
    companyId: testId(0xc001),
    ids: { deal: testId(0xd001), contact: testId(0xc777), stageChange: testId(0x5c77) },
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
    expect(
      checkRecordWrite('deals', null, deal, { pipeline: (pid) => (pid === pipeline.id ? pipeline : undefined) }),
    ).toEqual([]);
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

  it('names the deal after the company and person when no title is given', () => {
    const result = convertLeadToDeal(qualified(), input({ title: '   ' }));
    expect(result.ok && result.value.deal.title).toBe('Summit Foods — Miller');
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
