import type { ExportField } from '../csv-export';
import { viewField } from './view-fields';
import type { ViewSection } from './view-state';

/** A table column whose value is a person's name: exported as the two record fields it joins. */
const PERSON_SECTIONS: readonly ViewSection[] = ['contacts', 'leads'];

/**
 * The record properties a view's column exports, in file order: a column shows derived or
 * normalized values (a person's name, a title's search key, a money amount's minor units) that a
 * spreadsheet, or another CRM importing the file, should receive as the record holds them.
 *
 * The file can be imported again (domain/csv-import), so a column also exports what the import
 * needs to resolve it: a column that points at a user or a contact exports its name and, in a
 * column of its own, the email the import finds them by; a company goes by its name, which the
 * import matches; a deal's stage comes with its pipeline, as a stage's name means something only
 * in its pipeline; and a deal's status with its lost reason, which a lost deal cannot be without.
 */
export function exportFieldsOf(section: ViewSection, fieldId: string): ExportField[] {
  const field = viewField(section, fieldId);
  if (!field?.column) return [];
  const of = (...fields: string[]) => fields.map((f) => ({ field: f }));
  if (field.id === 'name') return PERSON_SECTIONS.includes(section) ? of('firstName', 'lastName') : of('name');
  if (field.id === 'title' && field.path === 'titleKey') return of('title');
  // An activity's "related" column: the contact and the company it concerns, by name.
  if (field.id === 'related') return of('contactId', 'companyId');
  if (field.path === 'ownerId' || field.path === 'contactId') {
    return [{ field: field.path }, { field: field.path, by: 'email' }];
  }
  if ((section === 'deals' || section === 'pipeline') && field.id === 'stage') return of('pipelineId', 'stageId');
  if ((section === 'deals' || section === 'pipeline') && field.id === 'status') return of('status', 'lostReason');
  const path = field.path ?? field.id;
  return of(path.endsWith('.amount') ? path.slice(0, -'.amount'.length) : path);
}
