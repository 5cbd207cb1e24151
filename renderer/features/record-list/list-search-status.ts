import type { SearchStatus } from '../../db/use-record-search';

/**
 * What the search box's status says for a list: the search's own progress and match count, except
 * that with view filters on, the count is the rows shown — the matches that also pass the filters —
 * so it never says "1 match" above an empty list. Nothing is said until those rows are counted.
 */
export function listSearchStatus(
  search: SearchStatus | null,
  filtered: boolean,
  count: number | null,
): SearchStatus | null {
  if (!filtered || search?.state !== 'ready') return search;
  return count === null ? null : { state: 'ready', matches: count };
}
