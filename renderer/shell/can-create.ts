import type { CollectionName } from '@domain/collections';

/** What the shell offers commands about permissions (AppShell offers `can` from useCan, as the surface `can`). */
export type CanCreate = (action: 'create', collection: CollectionName) => boolean;
