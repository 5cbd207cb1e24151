import type { CollectionDocs } from '../collections';
import { duplicateKeysOf, type DuplicateCollection, type DuplicateIndex } from '../duplicates';
import type { RecordBody } from '../record-edits';
import { dealDuplicateKeys } from './deal-import';
import type { ImportableCollection } from './importable-fields';

/** What an import does with a row that looks like a record already there (or an earlier row). */
export type DuplicateMode = 'skip' | 'update' | 'create';

export type DuplicateDecision = { action: 'create' } | { action: 'skip' | 'update'; id: string };

const isDeals = (c: ImportableCollection): c is 'deals' => c === 'deals';

/**
 * The keys a row is matched on. For people and companies only an email or domain counts: a shared
 * switchboard phone or a similar name is a hint for a person to judge, never a reason to overwrite a
 * record unseen. For deals, the title with the same contact or company (dealDuplicateKeys).
 */
function matchKeys<C extends ImportableCollection>(collection: C, body: RecordBody<C>) {
  if (isDeals(collection)) return dealDuplicateKeys(body as unknown as RecordBody<'deals'>);
  const keys = duplicateKeysOf(
    collection as DuplicateCollection,
    body as unknown as CollectionDocs[DuplicateCollection],
  );
  return keys.filter((k) => k.reason === 'email' || k.reason === 'domain');
}

/** Whether to create, skip or update for one valid row, by the strongest match in `index`. */
export function decideDuplicate<C extends ImportableCollection>(
  collection: C,
  body: RecordBody<C>,
  index: DuplicateIndex,
  mode: DuplicateMode,
): DuplicateDecision {
  if (mode === 'create') return { action: 'create' };
  const match = index.find(matchKeys(collection, body))[0];
  return match ? { action: mode, id: match.id } : { action: 'create' };
}

/** After a row is written, index it, so a later row of the same file that repeats it is caught. */
export function indexImported<C extends ImportableCollection>(
  collection: C,
  id: string,
  body: RecordBody<C>,
  index: DuplicateIndex,
): void {
  index.put(
    id,
    isDeals(collection)
      ? dealDuplicateKeys(body as unknown as RecordBody<'deals'>)
      : duplicateKeysOf(collection as DuplicateCollection, body as unknown as CollectionDocs[DuplicateCollection]),
  );
}
