import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDown, ChevronUp, ChevronsUpDown, FilterX } from 'lucide-react';
import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnSizingState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ViewState } from '@domain/record-views/view-state';
import { useCommandSurface } from '../../commands/surfaces';
import type { RecordWindow } from '../../db/use-record-window';
import { EmptyState } from '../EmptyState';
import { LIST_ROW, RECORD_TABLE_SURFACE, type RecordTableSurface } from '../list-commands';
import { ColumnChooser } from './ColumnChooser';
import { DensitySwitch } from './DensitySwitch';
import { EditableCell } from './EditableCell';
import { FilterBar } from './FilterBar';
import type { RecordColumn } from './record-column';
import { withIds, type RecordSelection } from './record-selection';
import type { TableField, TableSection } from './table-field';
import { useInlineEdit } from './use-inline-edit';

/** Row heights in pixels by density: the virtual list's estimate and the rows' own height. */
export const ROW_HEIGHT = { compact: 32, comfortable: 44 } as const;
const MIN_WIDTH = 40;
const MAX_WIDTH = 2000;
/** Arrow keys on a resize handle widen or narrow the column by this many pixels. */
const RESIZE_STEP = 16;

const clampWidth = (width: number) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width)));

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;
}

export interface RecordTableProps<T extends { id: string }> {
  section: TableSection;
  label: string;
  fields: readonly TableField[];
  /** How each field shows a record, for every field that may be a column. */
  columns: readonly RecordColumn<T>[];
  rows: RecordWindow<T>;
  view: ViewState;
  onViewChange: (view: ViewState) => void;
  selection: RecordSelection;
  onSelectionChange: (selection: RecordSelection) => void;
  /** The record open in the drawer, shown as current. */
  openId: string | null;
  onOpen: (row: T) => void;
  /** What names a row (its checkbox's label). */
  rowName: (row: T) => string;
  /** Shown when the list holds no record at all (or the search found none). */
  empty: ReactNode;
  /** Before the filters: where a saved-views menu goes. */
  toolbarStart?: ReactNode;
  /** After the column and density controls: where the export goes. */
  toolbarEnd?: ReactNode;
  /** Shown above the rows while some are selected: where bulk actions go. */
  bulkBar?: ReactNode;
  /** Asked once rows are shown: true when the section was reached from the keyboard. */
  takeArrivalFocus?: () => boolean;
}

/**
 * A record list at any size: a virtual grid (TanStack Table for the columns' state, TanStack
 * Virtual for the rows) over a window of records read a page at a time (db/use-record-window).
 * Controlled: the view (filters, sort, columns, density) and the selection belong to the page.
 * J and K walk the rows, X or Space ticks one (Shift extends), Enter opens it (ui/list-commands).
 */
export function RecordTable<T extends { id: string }>(props: RecordTableProps<T>) {
  const { t } = useTranslation();
  const { view, onViewChange, rows, fields, columns, selection, onSelectionChange } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const count = rows.count ?? 0;
  const rowHeight = ROW_HEIGHT[view.density];
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

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 20,
    // Before the first measurement (and in a DOM without layout) a screenful is assumed.
    initialRect: { width: 1000, height: 600 },
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.length ? items[items.length - 1]!.index + 1 : 0;
  const { setRange } = rows;
  useEffect(() => setRange(first, last), [setRange, first, last]);

  // The selection's anchor, for Shift+X: the row last ticked or unticked on its own.
  const anchor = useRef<number | null>(null);
  const shiftDown = useRef(false);
  const toggle = (index: number, extend: boolean) => {
    const row = rows.rowAt(index);
    if (!row) return;
    const on = !selection.has(row.id);
    if (extend && anchor.current !== null) {
      const from = Math.min(anchor.current, index);
      const to = Math.max(anchor.current, index);
      const ids: string[] = [];
      for (let i = from; i <= to; i++) {
        const r = rows.rowAt(i);
        if (r) ids.push(r.id);
      }
      onSelectionChange(withIds(selection, ids, true));
    } else {
      onSelectionChange(withIds(selection, [row.id], on));
    }
    anchor.current = index;
  };
  const inline = useInlineEdit(visible.map((c) => byField.get(c.id)!));
  const rowOf = (rowElement: HTMLElement) => rows.rowAt(Number(rowElement.getAttribute('aria-rowindex')) - 2);
  useCommandSurface<RecordTableSurface>(RECORD_TABLE_SURFACE, {
    toggle: (rowElement) => {
      const index = Number(rowElement.getAttribute('aria-rowindex')) - 2;
      if (index >= 0) toggle(index, shiftDown.current);
    },
    canEdit: (rowElement) => {
      const row = rowOf(rowElement);
      return !!row && inline.canEdit(row);
    },
    edit: (rowElement) => {
      const row = rowOf(rowElement);
      if (row) inline.startFirst(row);
    },
  });

  const hasRows = count > 0;
  const { takeArrivalFocus } = props;
  useEffect(() => {
    if (hasRows && takeArrivalFocus?.()) scroller.current?.querySelector<HTMLElement>(`[${LIST_ROW}]`)?.focus();
  }, [hasRows, takeArrivalFocus]);

  const searching = rows.search !== null;
  const allSelected = hasRows && selection.size >= count;
  const bar = (
    <div className="record-table-bar">
      {props.toolbarStart}
      <FilterBar fields={fields} filters={view.filters} onChange={(filters) => onViewChange({ ...view, filters })} />
      <div className="toolbar-spacer" />
      <ColumnChooser
        fields={columnFields}
        columns={view.columns}
        onChange={(next) => onViewChange({ ...view, columns: next })}
      />
      <DensitySwitch density={view.density} onChange={(density) => onViewChange({ ...view, density })} />
      {props.toolbarEnd}
    </div>
  );

  if (rows.count === 0) {
    return (
      <>
        {bar}
        {view.filters.length > 0 && !searching ? (
          <EmptyState
            icon={FilterX}
            title={t('recordTable.nothingMatches')}
            hint={t('recordTable.nothingMatchesHint')}
            action={
              <button type="button" className="btn" onClick={() => onViewChange({ ...view, filters: [] })}>
                {t('recordTable.filters.clear')}
              </button>
            }
          />
        ) : (
          props.empty
        )}
      </>
    );
  }

  return (
    <>
      {bar}
      {selection.size > 0 && props.bulkBar}
      <div className="card record-table-card">
        <div
          ref={scroller}
          className={`record-grid density-${view.density}`}
          role="grid"
          aria-label={props.label}
          aria-rowcount={count + 1}
          aria-colcount={visible.length + 1}
          aria-multiselectable="true"
          data-command-scope="list"
          onKeyDownCapture={(e) => {
            shiftDown.current = e.shiftKey;
          }}
        >
          <div role="rowgroup" className="record-grid-head" style={{ width: gridWidth }}>
            <div role="row" aria-rowindex={1} className="record-grid-row">
              <div role="columnheader" className="record-grid-select" aria-colindex={1}>
                <input
                  type="checkbox"
                  aria-label={t('recordTable.selectAll', { count })}
                  checked={allSelected}
                  disabled={rows.count === null}
                  onChange={async (e) => {
                    if (!e.target.checked) return onSelectionChange(new Set());
                    onSelectionChange(new Set(await rows.allIds()));
                  }}
                />
              </div>
              {table.getHeaderGroups()[0]?.headers.map((header, i) => {
                const column = header.column;
                const sorted = column.getIsSorted();
                const label = String(column.columnDef.header);
                return (
                  <div
                    key={header.id}
                    role="columnheader"
                    aria-label={label}
                    aria-colindex={i + 2}
                    className="record-grid-header"
                    style={{ width: header.getSize() }}
                    aria-sort={
                      sorted === 'asc'
                        ? 'ascending'
                        : sorted === 'desc'
                          ? 'descending'
                          : column.getCanSort()
                            ? 'none'
                            : undefined
                    }
                  >
                    {column.getCanSort() ? (
                      <button
                        type="button"
                        className="th-sort"
                        aria-label={t('recordTable.sortBy', { column: label })}
                        onClick={column.getToggleSortingHandler()}
                      >
                        {label}
                        <SortMark dir={sorted || null} />
                      </button>
                    ) : (
                      <span>{label}</span>
                    )}
                    <div
                      role="separator"
                      aria-orientation="vertical"
                      aria-label={t('recordTable.columns.resize', { column: label })}
                      aria-valuenow={header.getSize()}
                      aria-valuemin={MIN_WIDTH}
                      aria-valuemax={MAX_WIDTH}
                      tabIndex={0}
                      className="column-resizer"
                      onMouseDown={header.getResizeHandler()}
                      onTouchStart={header.getResizeHandler()}
                      onKeyDown={(e) => {
                        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
                        e.preventDefault();
                        const step = e.key === 'ArrowLeft' ? -RESIZE_STEP : RESIZE_STEP;
                        onViewChange({
                          ...view,
                          columns: view.columns.map((c) =>
                            c.field === column.id ? { ...c, width: clampWidth(c.width + step) } : c,
                          ),
                        });
                      }}
                    />
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), width: gridWidth, position: 'relative' }}>
            {items.map((item) => {
              const row = rows.rowAt(item.index);
              const style = { height: rowHeight, transform: `translateY(${item.start}px)`, width: gridWidth };
              if (!row) {
                return (
                  <div
                    key={item.index}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-busy="true"
                    aria-label={t('recordTable.loadingRow', { row: item.index + 1 })}
                    className="record-grid-row record-grid-body-row skeleton-row"
                    style={style}
                    tabIndex={-1}
                    {...{ [LIST_ROW]: '' }}
                  >
                    <div role="gridcell" className="record-grid-select" />
                    {visible.map((c) => (
                      <div key={c.id} role="gridcell" style={{ width: c.getSize() }}>
                        <span className="skeleton-bar" />
                      </div>
                    ))}
                  </div>
                );
              }
              const selected = selection.has(row.id);
              const name = props.rowName(row);
              return (
                <div
                  key={item.index}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  aria-current={row.id === props.openId ? 'true' : undefined}
                  className="record-grid-row record-grid-body-row"
                  style={style}
                  tabIndex={0}
                  onClick={() => props.onOpen(row)}
                  // J, K, X and Enter on a row are the list's commands (ui/list-commands.ts).
                  {...{ [LIST_ROW]: '' }}
                >
                  <div role="gridcell" className="record-grid-select" onClick={(e) => e.stopPropagation()}>
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={t('recordTable.selectRow', { name })}
                      checked={selected}
                      onChange={(e) => toggle(item.index, (e.nativeEvent as MouseEvent).shiftKey)}
                    />
                  </div>
                  {visible.map((c) => {
                    const column = byField.get(c.id)!;
                    return (
                      <div
                        key={c.id}
                        role="gridcell"
                        className={column.primary ? 'cell-primary' : undefined}
                        style={{ width: c.getSize() }}
                      >
                        {column.edit ? (
                          <EditableCell
                            row={row}
                            column={column}
                            label={String(c.columnDef.header)}
                            editing={inline.isEditing(row, c.id)}
                            onStart={() => inline.start(row, c.id)}
                            onFinish={(how) => inline.finish(row, c.id, how)}
                          />
                        ) : (
                          column.cell(row)
                        )}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
        <div className="list-footer">
          {/* Polite, not a status: the search box's status line already says how many match. */}
          <span aria-live="polite">
            {rows.count === null ? t('recordTable.counting') : t(`recordTable.count.${props.section}`, { count })}
          </span>
          {selection.size > 0 && (
            <span>
              {t('recordTable.selectedCount', { count: selection.size })}{' '}
              {/* A bulk action bar has its own "Clear selection"; one control per action. */}
              {!props.bulkBar && (
                <button type="button" className="btn btn-small btn-ghost" onClick={() => onSelectionChange(new Set())}>
                  {t('recordTable.clearSelection')}
                </button>
              )}
            </span>
          )}
        </div>
      </div>
    </>
  );
}

function SortMark({ dir }: { dir: 'asc' | 'desc' | null }) {
  const Icon = dir === 'asc' ? ChevronUp : dir === 'desc' ? ChevronDown : ChevronsUpDown;
  return <Icon className="th-sort-mark" size={12} aria-hidden="true" />;
}
