import { useMemo } from 'react';
import {
  getCoreRowModel,
  useReactTable,
  type Column,
  type ColumnDef,
  type ColumnSizingState,
  type SortingState,
  type Table,
  type Updater,
} from '@tanstack/react-table';
import type { ViewState } from '@domain/record-views/view-state';
import { clampWidth, MAX_WIDTH, MIN_WIDTH } from './column-width';
import type { RecordColumn } from './record-column';
import type { TableField } from './table-field';

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;
}

export interface TableColumns<T> {
  table: Table<T>;
  /** The fields that may be columns: those with a column shown by the page. */
  columnFields: readonly TableField[];
  /** How each field shows a record, by field id. */
  byField: ReadonlyMap<string, RecordColumn<T>>;
  /** The columns shown, in the view's order. */
  visible: Column<T, unknown>[];
  /** The grid's width: the selection column and every shown column. */
  gridWidth: number;
}

/**
 * The table's column model (TanStack Table, headless) held in the view: sorting and sizing are
 * read from it and written back through `onViewChange`; the rows themselves never pass through it.
 */
export function useTableColumns<T extends { id: string }>(
  view: ViewState,
  onViewChange: (view: ViewState) => void,
  fields: readonly TableField[],
  columns: readonly RecordColumn<T>[],
): TableColumns<T> {
  const byField = useMemo(() => new Map(columns.map((c) => [c.field, c])), [columns]);
  const columnFields = useMemo(
    () => fields.filter((f) => f.field.column && byField.has(f.field.id)),
    [fields, byField],
  );

  const columnDefs = useMemo<ColumnDef<T>[]>(
    () =>
      columnFields.map((f) => ({
        id: f.field.id,
        header: f.label,
        // The rows are read in order from storage (manual sorting): no value of TanStack's is used.
        accessorFn: () => null,
        enableSorting: !!f.field.sortPath,
        minSize: MIN_WIDTH,
        maxSize: MAX_WIDTH,
      })),
    [columnFields],
  );
  const sorting: SortingState = view.sort.map((s) => ({ id: s.field, desc: s.direction === 'desc' }));
  const shown = new Set(view.columns.map((c) => c.field));
  // TanStack Table is the headless column model; the component is not compiled to memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<T>({
    data: [],
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    columnResizeMode: 'onChange',
    state: {
      sorting,
      columnOrder: view.columns.map((c) => c.field),
      columnVisibility: Object.fromEntries(columnFields.map((f) => [f.field.id, shown.has(f.field.id)])),
      columnSizing: Object.fromEntries(view.columns.map((c) => [c.field, c.width])),
    },
    onSortingChange: (updater) => {
      const next = resolve(updater, sorting);
      onViewChange({
        ...view,
        sort: next.map((s) => ({ field: s.id, direction: s.desc ? 'desc' : 'asc' })),
      });
    },
    onColumnSizingChange: (updater) => {
      const sizes = resolve<ColumnSizingState>(updater, table.getState().columnSizing);
      onViewChange({
        ...view,
        columns: view.columns.map((c) => ({ ...c, width: clampWidth(sizes[c.field] ?? c.width) })),
      });
    },
  });
  const visible = table.getVisibleLeafColumns();
  const gridWidth = 44 + visible.reduce((sum, c) => sum + c.getSize(), 0);
  return { table, columnFields, byField, visible, gridWidth };
}
