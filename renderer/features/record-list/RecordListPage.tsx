import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchX, type LucideIcon } from 'lucide-react';
import type { CollectionDocs } from '@domain/collections';
import { useCollectionArriving } from '../../db/sync/use-collection-arrival';
import { useUi } from '../../shell/ui-store';
import { EmptyState } from '../../ui/EmptyState';
import { ListToolbar } from '../../ui/ListToolbar';
import { listSearchStatus } from './list-search-status';
import type { RecordColumn } from '../../ui/record-table/record-column';
import { ExportButton } from '../../ui/record-table/ExportButton';
import { NO_SELECTION } from '../../ui/record-table/record-selection';
import { RecordTable } from '../../ui/record-table/RecordTable';
import type { TableField, TableSection } from '../../ui/record-table/table-field';
import type { RecordTableState } from '../../ui/record-table/use-record-table';
import { BulkActionBar } from '../bulk';
import { SavedViewsMenu } from '../views';
import { StillArrivingEmpty, StillArrivingNotice } from './StillArriving';

export interface RecordListSearch {
  label: string;
  value: string;
  onChange: (value: string) => void;
  newLabel: string;
  onNew: () => void;
}

export interface RecordListPageProps<C extends TableSection> {
  section: C;
  /** The page's table state (useRecordTable): the page reads its rows for linked records too. */
  table: RecordTableState<C>;
  tableLabel: string;
  fields: readonly TableField[];
  columns: readonly RecordColumn<CollectionDocs[C]>[];
  rowName: (row: CollectionDocs[C]) => string;
  /** The search box and the "new" button above the table; a list without them shows neither. */
  search?: RecordListSearch;
  /** What an empty section says (a search that found nothing says so itself). */
  empty: { icon: LucideIcon; title: string; hint: string };
  /** Opening a row: the row's own drawer unless said otherwise. */
  onOpen?: (row: CollectionDocs[C]) => void;
  takeArrivalFocus?: () => boolean;
}

/**
 * A section's record list: its search and "new" button, the record table with the section's saved
 * views and the bulk actions for its selected rows, and the empty states. The page says only
 * what is its own: columns, how a row is named, what an empty section says.
 */
export function RecordListPage<C extends TableSection>(props: RecordListPageProps<C>) {
  const { section, table, search, empty } = props;
  const { t } = useTranslation();
  const drawer = useUi((s) => s.drawer);
  const openDrawer = useUi((s) => s.openDrawer);
  const open = props.onOpen ?? ((row: CollectionDocs[C]) => openDrawer({ collection: section, id: row.id }));
  // While the collection still arrives, what the list lacks may simply not be here yet: say so.
  const arriving = useCollectionArriving(section);
  // The same elements while the view is the same: a search keystroke does not redraw the toolbar.
  const { view, setView } = table;
  const toolbarStart = useMemo(
    () => <SavedViewsMenu section={section} view={view} onViewChange={setView} />,
    [section, view, setView],
  );
  const toolbarEnd = useMemo(
    () => <ExportButton section={section} view={view} fields={props.fields} />,
    [section, view, props.fields],
  );
  return (
    <>
      {search && (
        <ListToolbar
          searchLabel={search.label}
          search={search.value}
          onSearch={search.onChange}
          status={listSearchStatus(table.rows.search, table.view.filters.length > 0, table.rows.count)}
          newLabel={search.newLabel}
          onNew={search.onNew}
          incomplete={arriving}
        />
      )}
      {arriving && <StillArrivingNotice section={section} />}
      <RecordTable
        section={section}
        label={props.tableLabel}
        fields={props.fields}
        columns={props.columns}
        rows={table.rows}
        view={table.view}
        onViewChange={table.setView}
        selection={table.selection}
        onSelectionChange={table.setSelection}
        toolbarStart={toolbarStart}
        toolbarEnd={toolbarEnd}
        bulkBar={
          <BulkActionBar
            collection={section}
            selectedIds={[...table.selection]}
            onClearSelection={() => table.setSelection(NO_SELECTION)}
          />
        }
        openId={drawer?.collection === section ? drawer.id : null}
        onOpen={open}
        rowName={props.rowName}
        takeArrivalFocus={props.takeArrivalFocus}
        empty={
          arriving ? (
            <StillArrivingEmpty section={section} query={search?.value ?? ''} />
          ) : search?.value ? (
            <EmptyState icon={SearchX} title={t('common.noResults', { query: search.value })} hint="" />
          ) : (
            <EmptyState
              icon={empty.icon}
              title={empty.title}
              hint={empty.hint}
              action={
                search && (
                  <button type="button" className="btn btn-primary" onClick={search.onNew}>
                    {search.newLabel}
                  </button>
                )
              }
            />
          )
        }
      />
    </>
  );
}
