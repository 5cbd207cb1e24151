import type { TFunction } from 'i18next';
import type { ViewSection } from '@domain/record-views/view-state';
import { VIEW_FIELDS, type ViewField } from '@domain/record-views/view-fields';
import { isMessageKey } from '../../i18n/message-key';

/** A catalogue field as the table shows it: its label, and the label of each enum value. */
export interface TableField {
  field: ViewField;
  label: string;
  valueLabel: (value: string) => string;
}

/** The sections the record table lists. */
export type TableSection = Exclude<ViewSection, 'pipeline'>;

/**
 * The section's fields with their names as the user knows them: the form's label where the
 * section has one (`contacts.fields.title` is "Job title"), else the table's own.
 */
export function tableFields(
  t: TFunction,
  section: TableSection,
  valueLabels: Record<string, (value: string) => string> = {},
): TableField[] {
  return VIEW_FIELDS[section].map((field) => {
    const own = `${section}.fields.${field.id}`;
    const common = `recordTable.fields.${field.id}`;
    const label = isMessageKey(own) ? t(own) : isMessageKey(common) ? t(common) : field.id;
    return { field, label, valueLabel: valueLabels[field.id] ?? ((value: string) => value) };
  });
}
