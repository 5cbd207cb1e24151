import { useMemo, useState } from 'react';
import type { CollectionDocs } from '@domain/collections';
import { viewQuery } from '@domain/record-views/view-query';
import type { ViewState } from '@domain/record-views/view-state';
import { useActor } from '../../auth/use-permissions';
import type { SearchOrder } from '../../db/record-search-index';
import { useRecordWindow, type RecordWindow } from '../../db/use-record-window';
import { NO_SELECTION, type RecordSelection } from './record-selection';
import type { TableSection } from './table-field';

/** What a list page hands its RecordTable: the view, the selection and the rows they select. */
export interface RecordTableState<C extends TableSection> {
  view: ViewState;
  setView: (view: ViewState) => void;
  selection: RecordSelection;
  setSelection: (selection: RecordSelection) => void;
  rows: RecordWindow<CollectionDocs[C]>;
}

/**
 * A list page's table state, starting from the section's default view: the view is read for the
 * signed-in user today (its `@me` and `@today`); while `search` holds words, the rows are the
 * search's matches in the view's order, the view's filters applied on top.
 */
export function useRecordTable<C extends TableSection>(
  section: C,
  defaultView: ViewState,
  search: string,
): RecordTableState<C> {
  const actor = useActor();
  const [view, setView] = useState(defaultView);
  const [selection, setSelection] = useState<RecordSelection>(NO_SELECTION);
  const { filters, sort } = view;
  const query = useMemo(
    () => viewQuery(section, { filters, sort }, actor, new Date()),
    [section, filters, sort, actor],
  );
  // Search matches come in the view's order: the search index keeps each indexed sort's values.
  const [field, dir] = Object.entries(query.sort[0] ?? {})[0] ?? ['', 'asc'];
  const searchOrder: SearchOrder | undefined = field ? { field, dir } : undefined;
  const rows = useRecordWindow(section, query, { search, searchOrder });
  return { view, setView, selection, setSelection, rows };
}
