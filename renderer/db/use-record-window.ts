import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { RxCollection } from 'rxdb';
import type { CollectionDocs, CollectionName } from '@domain/collections';
import type { MangoSelector, MangoSort } from '@domain/record-views/view-query';
import type { SearchableCollection } from '@domain/search-text';
import { idReads } from './id-reads';
import { ListCount } from './list-count';
import { sharedListCount } from './shared-list-count';
import { queryCount, queryReads } from './query-reads';
import type { SearchOrder } from './record-search-index';
import { useHeldWhileReading } from './held-window';
import { indexedFilterOf, onlyListed } from './list-filter';
import { useSearchMatches, useSearchPreparedAhead, type SearchStatus } from './use-record-search';
import { useWorkspace } from './workspace-context';
import { WindowSource } from './window-source';

/** Changes arriving within this many milliseconds (a sync batch, an import) refresh the table once. */
export const WINDOW_REFRESH_DELAY_MS = 120;

export interface RecordWindow<T> {
  /** Rows in the list (matches while searching); null until first counted. */
  count: number | null;
  /** How many rows to size the list for: the count, or until it is known what has been read (and a page more while there may be more). */
  length: number;
  /** Known to hold no row: counted as none, or its first page came back empty. */
  empty: boolean;
  /** The row at `index`, or undefined while its page is read. */
  rowAt(index: number): T | undefined;
  /** Tell the window which rows are on screen (with overscan). */
  setRange(start: number, end: number): void;
  /** Null while not searching; otherwise whether the search is preparing, and how many match. */
  search: SearchStatus | null;
  /** Grows whenever rows or the count changed: a dependency for what renders them. */
  version: number;
  /** The rows shown are the previous arrangement's, while this one's first page is read. */
  reading?: boolean;
  /** Every matching id, in the list's order (read in the storage worker). */
  allIds(): Promise<string[]>;
  /** The rows read and kept now (the pages around the screen), e.g. to look up linked records. */
  loaded: T[];
}

/**
 * A record list's rows for a virtual table, without ever reading the whole collection on the main
 * thread: a count of the query and page-aligned windows read with skip/limit along the sort's
 * index, for the range on screen; live, refreshed (coalesced) from the collection's change stream.
 * While searching, the rows are the search index's matches (ADR 0016); with filters as well, the
 * matched ids join the selector. A "contains" filter on the list's name or title is matched in the
 * index too, once it is ready (list-filter.ts). Costs and choices: docs/adr/0031-record-table-queries.md.
 */
export function useRecordWindow<C extends CollectionName>(
  collection: C,
  query: { selector: MangoSelector; sort: MangoSort },
  options: { search?: string; searchOrder?: SearchOrder } = {},
): RecordWindow<CollectionDocs[C]> {
  const { db } = useWorkspace();
  const searchable = (
    collection === 'companies' || collection === 'contacts' || collection === 'leads' || collection === 'deals'
      ? collection
      : null
  ) as SearchableCollection | null;
  const selectorKey = JSON.stringify(query.selector);
  // A "contains" on the list's name or title is answered by the search index once it is ready.
  const indexed = useMemo(
    () => indexedFilterOf(searchable, JSON.parse(selectorKey) as MangoSelector),
    [searchable, selectorKey],
  );
  const matches = useSearchMatches(searchable, options.search ?? '', options.searchOrder, indexed?.filter);
  useSearchPreparedAhead(searchable);
  const queryKey = JSON.stringify(query);
  const ids = matches.ids;
  const searching = matches.status !== null;
  // True when `ids` answer the indexed filter (null while the index is prepared: the storage does).
  const served = indexed !== null && ids !== null;
  const matchedSelector = useMemo(() => {
    const selector = served ? indexed.rest : (JSON.parse(selectorKey) as MangoSelector);
    if (!searching && !served) return selector;
    if (!ids) return null;
    return onlyListed(selector) ? null : { ...selector, id: { $in: [...ids] } };
  }, [selectorKey, searching, served, indexed, ids]);
  // One count per selector: a sort change reorders the same rows and keeps it (the table is not
  // sized from scratch while a count of the whole list runs again in the storage worker), and a
  // filter cleared again finds its list's count kept (shared-list-count.ts).
  const counter = useMemo(() => {
    const rx = db[collection] as unknown as RxCollection<CollectionDocs[C]>;
    if (matchedSelector) {
      const read = () => queryCount(rx, matchedSelector);
      // A selector of search matches (an id list) is counted for its own arrangement only.
      if ('id' in matchedSelector) return new ListCount(read);
      return sharedListCount(rx as unknown as RxCollection, JSON.stringify(matchedSelector), read);
    }
    return ids ? new ListCount(() => Promise.resolve(ids.length)) : undefined;
  }, [db, collection, matchedSelector, ids]);
  const source = useMemo(() => {
    const rx = db[collection] as unknown as RxCollection<CollectionDocs[C]>;
    const { sort } = JSON.parse(queryKey) as { sort: MangoSort };
    if (matchedSelector) return new WindowSource(queryReads(rx, matchedSelector, sort), counter);
    if (!ids) return new WindowSource<CollectionDocs[C]>(null);
    return new WindowSource(idReads(rx, ids), counter);
  }, [db, collection, queryKey, matchedSelector, ids, counter]);

  useEffect(() => {
    source.start();
    const rx = db[collection] as unknown as RxCollection<CollectionDocs[C]>;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Bulks, not `rx.$`: it keeps every event it ever flattened (docs/adr/0043-change-events-without-rxdb-cache.md).
    const subscription = rx.eventBulks$.subscribe(() => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        source.refresh();
      }, WINDOW_REFRESH_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      // A change not yet refreshed for: the next arrangement sharing the count counts again.
      if (timer) {
        clearTimeout(timer);
        counter?.invalidate();
      }
      source.close();
    };
  }, [db, collection, source, counter]);

  const version = useSyncExternalStore(source.subscribe, () => source.version);
  // Rows of the arrangement before this one stay on screen until this one's first page answers.
  const shown = useHeldWhileReading(source);
  const rowAt = useCallback((index: number) => shown.rowAt(index), [shown]);
  const setRange = useCallback((start: number, end: number) => source.setRange(start, end), [source]);
  const allIds = useCallback(() => source.allIds(), [source]);
  // `version` grows whenever the pages change: the list is made again only then.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const loaded = useMemo(() => shown.loaded(), [shown, version]);
  return {
    count: shown.count,
    length: shown.length,
    empty: shown.empty,
    rowAt,
    setRange,
    search: matches.status,
    version,
    reading: shown !== source,
    allIds,
    loaded,
  };
}
