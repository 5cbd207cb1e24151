import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Table } from '@tanstack/react-table';
import type { ViewState } from '@domain/record-views/view-state';
import { labelTemplate } from '../../i18n/label-template';
import { ColumnHeader } from './ColumnHeader';

export interface RecordTableHeadProps<T> {
  table: Table<T>;
  gridWidth: number;
  /** How many rows the list holds, null while counting. */
  count: number | null;
  allSelected: boolean;
  /** Ticks every row of the list (not only those read), or clears the selection. */
  onSelectAll: (on: boolean) => void;
  view: ViewState;
  onViewChange: (view: ViewState) => void;
}

/** The grid's header row: the select-all checkbox, then one header per shown column. */
export function RecordTableHead<T>(props: RecordTableHeadProps<T>) {
  const { t } = useTranslation();
  const { table, count } = props;
  // The headers' button names, worded once rather than looked up for every header at every render.
  const labels = useMemo(
    () => ({
      sortBy: labelTemplate(t, 'recordTable.sortBy', 'column'),
      resize: labelTemplate(t, 'recordTable.columns.resize', 'column'),
    }),
    [t],
  );
  const selectAll = useMemo(() => t('recordTable.selectAll', { count: count ?? 0 }), [t, count]);
  return (
    <div role="rowgroup" className="record-grid-head" style={{ width: props.gridWidth }}>
      <div role="row" aria-rowindex={1} className="record-grid-row">
        <div role="columnheader" className="record-grid-select" aria-colindex={1}>
          <input
            type="checkbox"
            aria-label={selectAll}
            checked={props.allSelected}
            disabled={count === null}
            onChange={(e) => props.onSelectAll(e.target.checked)}
          />
        </div>
        {table.getHeaderGroups()[0]?.headers.map((header, i) => (
          <ColumnHeader
            key={header.id}
            header={header}
            index={i}
            labels={labels}
            view={props.view}
            onViewChange={props.onViewChange}
          />
        ))}
      </div>
    </div>
  );
}
