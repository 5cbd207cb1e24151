import { domainError, fail, ok, type DomainError, type Result } from './errors';
import type { Lead, LeadStatus } from './schemas/lead';
import type { IsoDateTime } from './time';

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

/** One step, as the user takes it in the UI. */
export function canTransitionLead(from: LeadStatus, to: LeadStatus): boolean {
  return from === to || LEAD_TRANSITIONS[from].includes(to);
}

/**
 * Whether `to` can follow `from` through allowed steps. The server sees only the end of an offline
 * session — a lead created, called, qualified and converted on a plane arrives as one write — so
 * it checks reachability and the invariants of the final state, not single steps.
 */
export function canReachLeadStatus(from: LeadStatus, to: LeadStatus): boolean {
  const seen = new Set<LeadStatus>([from]);
  const queue: LeadStatus[] = [from];
  while (queue.length) {
    const next = queue.shift()!;
    if (next === to) return true;
    for (const step of LEAD_TRANSITIONS[next]) {
      if (!seen.has(step)) {
        seen.add(step);
        queue.push(step);
      }
    }
  }
  return false;
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
  at: IsoDateTime,
  reason = '',
): Result<Partial<Lead>> {
  if (!canTransitionLead(lead.status, to)) {
    return fail(leadTransitionError(lead.status, to));
  }
  if (to === 'DISQUALIFIED') {
    if (!reason.trim()) return fail(domainError('lead.disqualifyReasonRequired', 'a disqualified lead needs a reason'));
    return ok({ status: to, disqualifyReason: reason.trim(), qualifiedAt: null });
  }
  // Qualification is recorded, so that conversion can be checked even when it happened offline.
  return ok({ status: to, disqualifyReason: '', qualifiedAt: to === 'QUALIFIED' ? at : null });
}

function leadTransitionError(from: LeadStatus, to: LeadStatus): DomainError {
  if (to === 'CONVERTED') {
    return domainError('lead.convertNotQualified', `only a QUALIFIED lead can be converted; this lead is ${from}`, {
      from,
    });
  }
  return domainError('lead.transitionForbidden', `a lead cannot go from ${from} to ${to}`, { from, to });
}

/**
 * What a lead's own fields must hold, whoever writes them: an estimate of zero or more (or none).
 * With `before`, only the fields the write changes are checked, so a lead stored before the rule
 * can still be edited in its other fields.
 */
export function checkLeadFields(
  after: Pick<Lead, 'estimatedValue'>,
  before: Pick<Lead, 'estimatedValue'> | null,
): DomainError[] {
  const estimate = after.estimatedValue;
  const changed =
    !before ||
    before.estimatedValue?.amount !== estimate?.amount ||
    before.estimatedValue?.currency !== estimate?.currency;
  return changed && estimate && estimate.amount < 0
    ? [domainError('lead.negativeEstimate', 'a lead’s estimated value cannot be negative')]
    : [];
}

/**
 * Every rule a stored lead must satisfy after a change (`before` is null for a new lead): its own
 * fields (checkLeadFields), a new status reachable from the stored one (CONVERTED is final), a
 * converted lead qualified and linking what it became, only a converted lead linking a deal or a
 * conversion time, a disqualified one saying why.
 *
 * The deal a converted lead links need not be on the server yet: the deal may have been made
 * offline by the same conversion, in a push of its own that has not arrived.
 */
export function checkLeadWrite(before: Lead | null, after: Lead): DomainError[] {
  const errors: DomainError[] = checkLeadFields(after, before);
  if (before !== null && !canReachLeadStatus(before.status, after.status)) {
    errors.push(leadTransitionError(before.status, after.status));
  }
  if (after.status === 'DISQUALIFIED' && !after.disqualifyReason.trim()) {
    errors.push(domainError('lead.disqualifyReasonRequired', 'a disqualified lead needs a reason'));
  }
  if (after.status === 'CONVERTED' && !after.qualifiedAt) {
    errors.push(leadTransitionError(before?.status ?? 'NEW', 'CONVERTED'));
  } else if (after.status === 'CONVERTED' && (!after.convertedDealId || !after.convertedAt || !after.contactId)) {
    errors.push(domainError('lead.conversionIncomplete', 'a converted lead must link the deal and contact it became'));
  }
  if (after.status !== 'CONVERTED' && (after.convertedDealId !== '' || after.convertedAt !== null)) {
    errors.push(
      domainError('lead.notConverted', `a ${after.status} lead links no converted deal and has no conversion time`, {
        status: after.status,
      }),
    );
  }
  if (before?.status === 'CONVERTED' && before.convertedDealId !== after.convertedDealId) {
    errors.push(
      domainError('record.immutableField', 'the deal of a converted lead cannot change', { field: 'convertedDealId' }),
    );
  }
  return errors;
}
