import type { CollectionDocs } from '../collections';
import { duplicateKeysOf, type DuplicateCollection, type DuplicateIndex } from '../duplicates';
import type { RecordBody } from '../record-edits';
import type { ImportableCollection } from './importable-fields';

/** What an import does with a row that looks like a record already there (or an earlier row). */
export type DuplicateMode = 'skip' | 'update' | 'create';

export type DuplicateDecision = { action: 'create' } | { action: 'skip' | 'update'; id: string };

const hasDuplicateKeys = (c: ImportableCollection): c is DuplicateCollection => c !== 'deals';

/**
 * Whether to create, skip or update for one valid row, by the strongest match in `index`. Only an
 * email or domain match counts: a shared switchboard phone or a similar name is a hint for a
 * person to judge, never a reason to overwrite a record unseen. Deals have no duplicate keys.
 */
export function decideDuplicate<C extends ImportableCollection>(
  collection: C,
  body: RecordBody<C>,
  index: DuplicateIndex,
  mode: DuplicateMode,
): DuplicateDecision {
  if (mode === 'create' || !hasDuplicateKeys(collection)) return { action: 'create' };
  const keys = duplicateKeysOf(collection, body as unknown as CollectionDocs[typeof collection]);
  const match = index.find(keys.filter((k) => k.reason === 'email' || k.reason === 'domain'))[0];
  return match ? { action: mode, id: match.id } : { action: 'create' };
}

/** After a row is written, index it, so a later row of the same file that repeats it is caught. */
export function indexImported<C extends ImportableCollection>(
  collection: C,
  id: string,
  body: RecordBody<C>,
  index: DuplicateIndex,
): void {
  if (!hasDuplicateKeys(collection)) return;
  index.put(id, duplicateKeysOf(collection, body as unknown as CollectionDocs[typeof collection]));
}
