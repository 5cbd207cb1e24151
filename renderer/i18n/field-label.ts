import type { TFunction } from 'i18next';
import type { CollectionName } from '@domain/collections';
import { isMessageKey } from './message-key';

/** The screens whose forms label fields (en.ts `<section>.fields`). */
const FORM_SECTIONS: Partial<Record<CollectionName, string>> = {
  companies: 'companies',
  contacts: 'contacts',
  leads: 'leads',
  deals: 'deals',
};

/**
 * A field's name as the user knows it: the label its form shows, else the sync log's list of field
 * names, else the key spelled as words ("expectedCloseDate" → "expected close date").
 */
export function fieldLabel(t: TFunction, collection: CollectionName, field: string): string {
  const section = FORM_SECTIONS[collection];
  const own = section ? `${section}.fields.${field}` : '';
  if (own && isMessageKey(own)) return t(own);
  const common = `settings.sync.fieldNames.${field}`;
  if (isMessageKey(common)) return t(common);
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
