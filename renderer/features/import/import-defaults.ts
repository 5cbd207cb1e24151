import type { RecordBody } from '@domain/record-edits';
import type { Workspace } from '../../db/workspace';

/** The collections the wizard offers; deals wait for a pipeline and stage choice of their own. */
export const WIZARD_COLLECTIONS = ['contacts', 'companies', 'leads'] as const;
export type WizardCollection = (typeof WIZARD_COLLECTIONS)[number];

/** Every field a file does not fill: the importing user owns the records, in their team. */
export function importBases(ws: Workspace): { [C in WizardCollection]: RecordBody<C> } {
  const owned = { ownerId: ws.user.id, teamId: ws.user.teamId, tags: [], notes: '' };
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
  };
}
