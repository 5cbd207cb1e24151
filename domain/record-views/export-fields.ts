import { viewField } from './view-fields';
import type { ViewSection } from './view-state';

/** A table column whose value is a person's name: exported as the two record fields it joins. */
const PERSON_SECTIONS: readonly ViewSection[] = ['contacts', 'leads'];

/**
 * The record properties a view's column exports, in file order: a column shows derived or
 * normalized values (a person's name, a title's search key, a money amount's minor units) that a
 * spreadsheet, or another CRM importing the file, should receive as the record holds them.
 * A column that only points at another record exports its id, which the export names.
 */
export function exportFieldsOf(section: ViewSection, fieldId: string): string[] {
  const field = viewField(section, fieldId);
  if (!field?.column) return [];
  if (field.id === 'name') return PERSON_SECTIONS.includes(section) ? ['firstName', 'lastName'] : ['name'];
  if (field.id === 'title' && field.path === 'titleKey') return ['title'];
  // An activity's "related" column: the contact and the company it concerns, by name.
  if (field.id === 'related') return ['contactId', 'companyId'];
  const path = field.path ?? field.id;
  return [path.endsWith('.amount') ? path.slice(0, -'.amount'.length) : path];
}
