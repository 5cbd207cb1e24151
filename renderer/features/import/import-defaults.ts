import { importBases as domainImportBases } from '@domain/csv-import';
import type { RecordBody } from '@domain/record-edits';
import type { Workspace } from '../../db/workspace';

/** The collections the wizard offers, in the order of its record type list. */
export const WIZARD_COLLECTIONS = ['contacts', 'companies', 'leads', 'deals'] as const;
export type WizardCollection = (typeof WIZARD_COLLECTIONS)[number];

/** Every field a file does not fill: the importing user owns the records, in their team. */
export function importBases(ws: Workspace): { [C in WizardCollection]: RecordBody<C> } {
  return domainImportBases({ ownerId: ws.user.id, teamId: ws.user.teamId });
}
