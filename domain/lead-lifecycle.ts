import { domainError, fail, ok, type DomainError, type Result } from './errors';
import type { Lead, LeadStatus } from './schemas/lead';

/**
 * NEW → CONTACTED → QUALIFIED, and DISQUALIFIED from any open step (with a reason). A
 * disqualified lead can be reopened as NEW. Only a QUALIFIED lead converts, and conversion is the
 * only way to CONVERTED, which is final.
 */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  NEW: ['CONTACTED', 'DISQUALIFIED'],
  CONTACTED: ['QUALIFIED', 'DISQUALIFIED'],
  QUALIFIED: ['CONVERTED', 'CONTACTED', 'DISQUALIFIED'],
  DISQUALIFIED: ['NEW'],
  CONVERTED: [],
};

export function canTransitionLead(from: LeadStatus, to: LeadStatus): boolean {
  return from === to || LEAD_TRANSITIONS[from].includes(to);
}

/** The statuses a user can pick next for a lead (conversion has its own action). */
export function nextLeadStatuses(from: LeadStatus): LeadStatus[] {
  return LEAD_TRANSITIONS[from].filter((s) => s !== 'CONVERTED');
}

export function isLeadOpen(status: LeadStatus): boolean {
  return status === 'NEW' || status === 'CONTACTED' || status === 'QUALIFIED';
}

/** The patch that moves a lead to a new status, or why it may not. */
export function changeLeadStatus(
  lead: Pick<Lead, 'status'>,
  to: Exclude<LeadStatus, 'CONVERTED'>,
  reason = '',
): Result<Partial<Lead>> {
  if (!canTransitionLead(lead.status, to)) {
    return fail(leadTransitionError(lead.status, to));
  }
  if (to === 'DISQUALIFIED') {
    if (!reason.trim()) return fail(domainError('lead.disqualifyReasonRequired', 'a disqualified lead needs a reason'));
    return ok({ status: to, disqualifyReason: reason.trim() });
  }
  return ok({ status: to, disqualifyReason: '' });
}

function leadTransitionError(from: LeadStatus, to: LeadStatus): DomainError {
  if (to === 'CONVERTED') {
    return domainError('lead.convertNotQualified', `only a QUALIFIED lead can be converted; this lead is ${from}`, {
      from,
    });
  }
  return domainError('lead.transitionForbidden', `a lead cannot go from ${from} to ${to}`, { from, to });
}

/** Every rule a stored lead must satisfy after a change (`before` is null for a new lead). */
export function checkLeadWrite(before: Lead | null, after: Lead): DomainError[] {
  const errors: DomainError[] = [];
  if (before === null) {
    if (after.status === 'CONVERTED') {
      errors.push(domainError('lead.createdConverted', 'a lead cannot be created already converted'));
    }
  } else if (!canTransitionLead(before.status, after.status)) {
    errors.push(leadTransitionError(before.status, after.status));
  }
  if (after.status === 'DISQUALIFIED' && !after.disqualifyReason.trim()) {
    errors.push(domainError('lead.disqualifyReasonRequired', 'a disqualified lead needs a reason'));
  }
  if (after.status === 'CONVERTED' && (!after.convertedDealId || !after.convertedAt || !after.contactId)) {
    errors.push(domainError('lead.conversionIncomplete', 'a converted lead must link the deal and contact it became'));
  }
  if (before?.status === 'CONVERTED' && before.convertedDealId !== after.convertedDealId) {
    errors.push(
      domainError('record.immutableField', 'the deal of a converted lead cannot change', { field: 'convertedDealId' }),
    );
  }
  return errors;
}
