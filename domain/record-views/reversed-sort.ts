import type { MangoSort } from './view-query';

/**
 * The exact reverse of a list's order: every field's direction flipped. A sort that does not end
 * in the primary key is ended with `id: 'asc'` first, as RxDB does before it reads, so ties are
 * broken by the id in the reverse order too and the reversed list is the list read from its end.
 */
export function reversedSort(sort: MangoSort): MangoSort {
  const complete = sort.some((part) => 'id' in part) ? sort : [...sort, { id: 'asc' as const }];
  return complete.map((part) =>
    Object.fromEntries(Object.entries(part).map(([field, dir]) => [field, dir === 'asc' ? 'desc' : 'asc'])),
  );
}
