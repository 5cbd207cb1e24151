import type { TFunction } from 'i18next';
import { IMPORTABLE_FIELDS, type FieldError, type ImportableCollection } from '@domain/csv-import';
import { isMessageKey } from '../../i18n/message-key';

/** A field's label as the wizard shows it: its translation, else the record field's own name. */
export function importFieldLabel(t: TFunction, collection: ImportableCollection, key: string): string {
  const field = IMPORTABLE_FIELDS[collection].find((f) => f.key === key || `${f.key}Id` === key);
  const labelKey = field?.labelKey ?? '';
  return isMessageKey(labelKey) ? t(labelKey) : key;
}

/** "Email: is not a valid email" — one reason a row was refused, in the reader's language. */
export function problemText(t: TFunction, collection: ImportableCollection, error: FieldError): string {
  const reason = t(`csv.problems.${error.problem}`, { detail: error.detail ?? '' });
  return error.field ? `${importFieldLabel(t, collection, error.field)}: ${reason}` : reason;
}
