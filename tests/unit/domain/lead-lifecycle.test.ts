import { describe, expect, it } from 'vitest';
import {
  LEAD_TRANSITIONS,
  canTransitionLead,
  changeLeadStatus,
  checkLeadWrite,
  isLeadOpen,
  nextLeadStatuses,
} from '@domain/lead-lifecycle';
import { LEAD_STATUSES, type Lead, type LeadStatus } from '@domain/schemas/lead';
import { makeLead, testId } from './fixtures';

/** The whole state machine as a table: [from, to, allowed]. Staying put is always allowed. */
const ALLOWED: Record<LeadStatus, LeadStatus[]> = {
  NEW: ['NEW', 'CONTACTED', 'DISQUALIFIED'],
  CONTACTED: ['CONTACTED', 'QUALIFIED', 'DISQUALIFIED'],
  QUALIFIED: ['QUALIFIED', 'CONTACTED', 'DISQUALIFIED', 'CONVERTED'],
  DISQUALIFIED: ['DISQUALIFIED', 'NEW'],
  CONVERTED: ['CONVERTED'],
};
const TABLE = LEAD_STATUSES.flatMap((from) =>
  LEAD_STATUSES.map((to) => [from, to, ALLOWED[from].includes(to)] as const),
);

/** A lead in `status` that satisfies every other rule of that status. */
function leadIn(status: LeadStatus): Lead {
  return makeLead({
    status,
    disqualifyReason: status === 'DISQUALIFIED' ? 'not-a-fit' : '',
    ...(status === 'CONVERTED'
      ? { convertedDealId: testId(0xdea1), convertedAt: '2026-03-02T15:00:00.000Z', contactId: testId(0xc101) }
      : {}),
  });
}

describe('lead transitions', () => {
  it('has a table entry for every status', () => {
    expect(Object.keys(LEAD_TRANSITIONS).sort()).toEqual([...LEAD_STATUSES].sort());
  });

  it.each(TABLE)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransitionLead(from, to)).toBe(allowed);
    const errors = checkLeadWrite(leadIn(from), leadIn(to));
    if (allowed) expect(errors).toEqual([]);
    else expect(errors[0]?.code).toBe(to === 'CONVERTED' ? 'lead.convertNotQualified' : 'lead.transitionForbidden');
  });

  it.each(TABLE.filter(([, to]) => to !== 'CONVERTED'))('changeLeadStatus %s → %s allowed: %s', (from, to, allowed) => {
    const result = changeLeadStatus({ status: from }, to as Exclude<LeadStatus, 'CONVERTED'>, 'not-a-fit');
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: 'lead.transitionForbidden', params: { from, to } });
  });
});

describe('changeLeadStatus', () => {
  it('requires a reason to disqualify and stores it trimmed', () => {
    const noReason = changeLeadStatus({ status: 'CONTACTED' }, 'DISQUALIFIED', '   ');
    expect(noReason).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'lead.disqualifyReasonRequired' })],
    });
    expect(changeLeadStatus({ status: 'CONTACTED' }, 'DISQUALIFIED', ' no-contact ')).toEqual({
      ok: true,
      value: { status: 'DISQUALIFIED', disqualifyReason: 'no-contact' },
    });
  });

  it('clears the disqualify reason when a lead is reopened', () => {
    expect(changeLeadStatus({ status: 'DISQUALIFIED' }, 'NEW')).toEqual({
      ok: true,
      value: { status: 'NEW', disqualifyReason: '' },
    });
  });
});

describe('checkLeadWrite', () => {
  it('requires a reason on a disqualified lead', () => {
    const errors = checkLeadWrite(leadIn('CONTACTED'), { ...leadIn('DISQUALIFIED'), disqualifyReason: ' ' });
    expect(errors.map((e) => e.code)).toEqual(['lead.disqualifyReasonRequired']);
  });

  it('makes CONVERTED reachable only with the links a conversion writes', () => {
    const qualified = leadIn('QUALIFIED');
    for (const missing of ['convertedDealId', 'convertedAt', 'contactId'] as const) {
      const after = { ...leadIn('CONVERTED'), [missing]: missing === 'convertedAt' ? null : '' };
      expect(checkLeadWrite(qualified, after).map((e) => e.code)).toEqual(['lead.conversionIncomplete']);
    }
    expect(checkLeadWrite(qualified, leadIn('CONVERTED'))).toEqual([]);
  });

  it('never offers CONVERTED as a plain status change', () => {
    for (const status of LEAD_STATUSES) expect(nextLeadStatuses(status)).not.toContain('CONVERTED');
    expect(nextLeadStatuses('QUALIFIED')).toEqual(['CONTACTED', 'DISQUALIFIED']);
    expect(nextLeadStatuses('CONVERTED')).toEqual([]);
  });

  it('rejects a lead created already converted', () => {
    expect(checkLeadWrite(null, leadIn('CONVERTED')).map((e) => e.code)).toContain('lead.createdConverted');
  });

  it('accepts a new lead in any open status', () => {
    for (const status of ['NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED'] as const)
      expect(checkLeadWrite(null, leadIn(status))).toEqual([]);
  });

  it('keeps the deal of a converted lead fixed', () => {
    const converted = leadIn('CONVERTED');
    const errors = checkLeadWrite(converted, { ...converted, convertedDealId: testId(0xdea2) });
    expect(errors).toEqual([
      expect.objectContaining({ code: 'record.immutableField', params: { field: 'convertedDealId' } }),
    ]);
  });
});

describe('isLeadOpen', () => {
  it('counts NEW, CONTACTED and QUALIFIED as open', () => {
    expect(LEAD_STATUSES.filter(isLeadOpen)).toEqual(['NEW', 'CONTACTED', 'QUALIFIED']);
  });
});
