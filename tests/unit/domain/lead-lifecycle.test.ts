import { describe, expect, it } from 'vitest';
import {
  LEAD_TRANSITIONS,
  canReachLeadStatus,
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

const AT = '2026-03-02T15:00:00.000Z';

/** A lead in `status` that satisfies every other rule of that status. */
function leadIn(status: LeadStatus): Lead {
  return makeLead({
    status,
    disqualifyReason: status === 'DISQUALIFIED' ? 'not-a-fit' : '',
    qualifiedAt: status === 'QUALIFIED' || status === 'CONVERTED' ? AT : null,
    ...(status === 'CONVERTED'
      ? { convertedDealId: testId(0xdea1), convertedAt: '2026-03-02T15:00:00.000Z', contactId: testId(0xc101) }
      : {}),
  });
}

describe('lead transitions', () => {
  it('has a table entry for every status', () => {
    expect(Object.keys(LEAD_TRANSITIONS).sort()).toEqual([...LEAD_STATUSES].sort());
  });

  it.each(TABLE)('one step %s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransitionLead(from, to)).toBe(allowed);
  });

  it.each(TABLE)('a stored lead %s may become %s after an offline session unless it was converted', (from, to) => {
    // The server sees the end of an offline session, not each step: it checks reachability.
    const reachable = from !== 'CONVERTED' || to === 'CONVERTED';
    expect(canReachLeadStatus(from, to)).toBe(reachable);
    const errors = checkLeadWrite(leadIn(from), leadIn(to));
    if (reachable) expect(errors).toEqual([]);
    else expect(errors[0]).toMatchObject({ code: 'lead.transitionForbidden', params: { from, to } });
  });

  it.each(TABLE.filter(([, to]) => to !== 'CONVERTED'))('changeLeadStatus %s → %s allowed: %s', (from, to, allowed) => {
    const result = changeLeadStatus({ status: from }, to as Exclude<LeadStatus, 'CONVERTED'>, AT, 'not-a-fit');
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: 'lead.transitionForbidden', params: { from, to } });
  });
});

describe('changeLeadStatus', () => {
  it('requires a reason to disqualify and stores it trimmed', () => {
    const noReason = changeLeadStatus({ status: 'CONTACTED' }, 'DISQUALIFIED', AT, '   ');
    expect(noReason).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'lead.disqualifyReasonRequired' })],
    });
    expect(changeLeadStatus({ status: 'CONTACTED' }, 'DISQUALIFIED', AT, ' no-contact ')).toEqual({
      ok: true,
      value: { status: 'DISQUALIFIED', disqualifyReason: 'no-contact', qualifiedAt: null },
    });
  });

  it('clears the disqualify reason when a lead is reopened', () => {
    expect(changeLeadStatus({ status: 'DISQUALIFIED' }, 'NEW', AT)).toEqual({
      ok: true,
      value: { status: 'NEW', disqualifyReason: '', qualifiedAt: null },
    });
  });

  it('records when a lead is qualified, and forgets it when the lead steps back', () => {
    expect(changeLeadStatus({ status: 'CONTACTED' }, 'QUALIFIED', AT)).toEqual({
      ok: true,
      value: { status: 'QUALIFIED', disqualifyReason: '', qualifiedAt: AT },
    });
    expect(changeLeadStatus({ status: 'QUALIFIED' }, 'CONTACTED', AT)).toMatchObject({ value: { qualifiedAt: null } });
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

  it('accepts a lead created and converted offline, pushed once, when it was qualified and links its deal', () => {
    expect(checkLeadWrite(null, leadIn('CONVERTED'))).toEqual([]);
  });

  it('rejects converting a lead that was never qualified, new or stored', () => {
    const unqualified = { ...leadIn('CONVERTED'), qualifiedAt: null };
    expect(checkLeadWrite(null, unqualified).map((e) => e.code)).toEqual(['lead.convertNotQualified']);
    expect(checkLeadWrite(leadIn('NEW'), unqualified)).toEqual([
      expect.objectContaining({ code: 'lead.convertNotQualified', params: { from: 'NEW' } }),
    ]);
  });

  it('accepts a new lead in any open status', () => {
    for (const status of ['NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED'] as const)
      expect(checkLeadWrite(null, leadIn(status))).toEqual([]);
  });

  it('accepts a converted lead whose deal the server has not received: the deal may still be on its way', () => {
    // Nothing is looked up: the conversion's deal is pushed by its own replication, maybe later.
    expect(checkLeadWrite(null, leadIn('CONVERTED'))).toEqual([]);
  });

  it('refuses a lead that is not converted but links a converted deal or a conversion time', () => {
    for (const status of ['NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED'] as const) {
      const withDeal = { ...leadIn(status), convertedDealId: testId(0xdea1) };
      const withTime = { ...leadIn(status), convertedAt: AT };
      expect(checkLeadWrite(null, withDeal)).toEqual([
        expect.objectContaining({ code: 'lead.notConverted', params: { status } }),
      ]);
      expect(checkLeadWrite(leadIn(status), withTime).map((e) => e.code)).toEqual(['lead.notConverted']);
    }
  });

  it('refuses a negative estimated value, and takes zero or none', () => {
    const estimate = (amount: number) => ({ ...leadIn('NEW'), estimatedValue: { amount, currency: 'USD' } });
    expect(checkLeadWrite(null, estimate(-1)).map((e) => e.code)).toEqual(['lead.negativeEstimate']);
    expect(checkLeadWrite(leadIn('NEW'), estimate(-250_00)).map((e) => e.code)).toEqual(['lead.negativeEstimate']);
    expect(checkLeadWrite(null, estimate(0))).toEqual([]);
    expect(checkLeadWrite(null, { ...leadIn('NEW'), estimatedValue: null })).toEqual([]);
  });

  it('lets a lead stored with a negative estimate be edited in its other fields', () => {
    const old = { ...leadIn('NEW'), estimatedValue: { amount: -5, currency: 'USD' } };
    expect(checkLeadWrite(old, { ...old, notes: 'called back' })).toEqual([]);
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
