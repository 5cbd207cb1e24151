import type { CollectionName } from '@domain/collections';

/** Records the shared record editor (ui/RecordEditor) can edit: the four kinds with forms today. */
export type DrawerCollection = Extract<CollectionName, 'companies' | 'contacts' | 'leads' | 'deals'>;
