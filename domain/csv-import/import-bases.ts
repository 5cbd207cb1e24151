import type { RecordBody } from '../record-edits';

/** The record types an import fills from nothing but the file and who imports it. */
export type BlankImportCollection = 'contacts' | 'companies' | 'leads' | 'deals';

/**
 * Every field a file does not fill, for each record type: the importing user owns the records, in
 * their team; what the file says is laid over this. A deal's pipeline, stage, rank, value and
 * times are always set by resolveDealCells() and rowToRecord(), from the row or their defaults.
 */
export function importBases(owner: { ownerId: string; teamId: string }): {
  [C in BlankImportCollection]: RecordBody<C>;
} {
  const owned = { ownerId: owner.ownerId, teamId: owner.teamId, tags: [], notes: '' };
  return {
    contacts: {
      ...owned,
      firstName: '',
      lastName: '',
      email: '',
      phone: '',
      mobile: '',
      title: '',
      companyId: '',
      address: {},
      source: 'import',
    },
    companies: { ...owned, name: '', domain: '', industry: '', size: '', phone: '', website: '', address: {} },
    leads: {
      ...owned,
      firstName: '',
      lastName: '',
      email: '',
      phone: '',
      companyName: '',
      title: '',
      interest: '',
      contactId: '',
      status: 'NEW',
      source: 'import',
      estimatedValue: null,
      disqualifyReason: '',
      qualifiedAt: null,
      convertedDealId: '',
      convertedAt: null,
    },
    deals: {
      ...owned,
      title: '',
      pipelineId: '',
      stageId: '',
      stageEnteredAt: '',
      rank: '',
      value: { amount: 0, currency: '' },
      probability: null,
      expectedCloseDate: '',
      status: 'OPEN',
      lostReason: '',
      closedAt: null,
      contactId: '',
      companyId: '',
      leadId: '',
      lines: [],
    },
  };
}
