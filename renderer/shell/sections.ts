import type { CollectionName } from '@domain/collections';
import type { MessageKey } from '../i18n/message-key';

export const SECTIONS = [
  'pipeline',
  'leads',
  'deals',
  'contacts',
  'companies',
  'activities',
  'call-center',
  'reports',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_LABEL_KEYS = {
  pipeline: 'nav.pipeline',
  leads: 'nav.leads',
  deals: 'nav.deals',
  contacts: 'nav.contacts',
  companies: 'nav.companies',
  activities: 'nav.activities',
  'call-center': 'nav.callCenter',
  reports: 'nav.reports',
  settings: 'nav.settings',
} as const satisfies Record<Section, MessageKey>;

export const SECTION_ICONS: Record<Section, string> = {
  pipeline: '▦',
  leads: '✦',
  deals: '◆',
  contacts: '☺',
  companies: '▣',
  activities: '◷',
  'call-center': '☏',
  reports: '▤',
  settings: '⚙',
};

/** Records the detail drawer can show. */
export type DrawerCollection = Extract<CollectionName, 'companies' | 'contacts' | 'leads' | 'deals'>;

const DRAWER_COLLECTIONS: readonly string[] = ['companies', 'contacts', 'leads', 'deals'];

export function isDrawerCollection(value: string): value is DrawerCollection {
  return DRAWER_COLLECTIONS.includes(value);
}

export function isSection(value: string): value is Section {
  return (SECTIONS as readonly string[]).includes(value);
}
