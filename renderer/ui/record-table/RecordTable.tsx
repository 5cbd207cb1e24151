import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterX } from 'lucide-react';
import type { ViewState } from '@domain/record-views/view-state';
import type { RecordWindow } from '../../db/use-record-window';
import { labelTemplate } from '../../i18n/label-template';
import { EmptyState } from '../EmptyState';
import { LIST_ROW } from '../list-commands';
import { useLatestCallback } from '../use-latest-callback';
import type { RecordColumn } from './record-column';
import type { RecordSelection } from './record-selection';
import { RecordRow } from './RecordRow';
import { RecordTableFooter } from './RecordTableFooter';
import { RecordTableHead } from './RecordTableHead';
import { RecordTableToolbar } from './RecordTableToolbar';
import { rowCells, rowCellsKey } from './row-cell';
import { ROW_HEIGHT } from './row-height';
import { SkeletonRow } from './SkeletonRow';
import type { TableField, TableSection } from './table-field';
import { useInlineEdit } from './use-inline-edit';
import { useRowToggle } from './use-row-toggle';
import { useRowRange } from './use-row-range';
import { useTableColumns } from './use-table-columns';

/**
 * How far beyond each edge of the screen rows are drawn: more than a wheel step scrolls (about
 * 400 px), so a step shows rows already drawn; no more, as every row drawn is drawn again by each
 * new arrangement (a search keystroke, a filter) and mounted by each jump.
 */
const OVERSCAN_PX = 480;

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
  const [scrollerElement, setScrollerElement] = useState<HTMLDivElement | null>(null);
  // Sized from the rows read until the list is counted: rows show before the count answers.
  const count = rows.length;
  const rowHeight = ROW_HEIGHT[view.density];
  const { table, columnFields, byField, visible, gridWidth } = useTableColumns(view, onViewChange, fields, columns);

  // Rows of one height: their places are computed, never measured (use-row-range.ts). Rows are
  // memoized: those kept beyond the screen cost their mounting once, not every frame.
  const { first, last } = useRowRange(scrollerElement, count, rowHeight, Math.ceil(OVERSCAN_PX / rowHeight));
  const { setRange } = rows;
  useEffect(() => setRange(first, last), [setRange, first, last]);

  const inline = useInlineEdit(visible.map((c) => byField.get(c.id)!));
  // TanStack Table hands out new column objects on every render; the rows are given new cells only
  // when what they draw changes (columns, order, widths, names, how a field shows).
  const cellsKey = rowCellsKey(visible);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const cells = useMemo(() => rowCells(visible, byField, t), [cellsKey, byField, t]);
  // Each row's checkbox label and each placeholder's name, from one lookup of their wording.
  const selectLabel = useMemo(() => labelTemplate(t, 'recordTable.selectRow', 'name'), [t]);
  const loadingLabel = useMemo(() => labelTemplate(t, 'recordTable.loadingRow', 'row'), [t]);
  const onOpen = useLatestCallback(props.onOpen);
  const rowOf = (rowElement: HTMLElement) => rows.rowAt(Number(rowElement.getAttribute('aria-rowindex')) - 2);
  const { toggle: toggleNow, onKeyDownCapture } = useRowToggle(rows, selection, onSelectionChange, {
    canEdit: (rowElement) => {
      const row = rowOf(rowElement);
      return !!row && inline.canEdit(row);
    },
    edit: (rowElement) => {
      const row = rowOf(rowElement);
      if (row) inline.startFirst(row);
    },
  });

  const toggle = useLatestCallback(toggleNow);
  const clearSelection = useLatestCallback(() => onSelectionChange(new Set()));
  const startEdit = useLatestCallback(inline.start);
  const finishEdit = useLatestCallback(inline.finish);

  const hasRows = count > 0 && rows.rowAt(first) !== undefined;
  const { takeArrivalFocus } = props;
  useEffect(() => {
    if (hasRows && takeArrivalFocus?.()) scrollerElement?.querySelector<HTMLElement>(`[${LIST_ROW}]`)?.focus();
  }, [hasRows, takeArrivalFocus, scrollerElement]);

  const searching = rows.search !== null;
  const allSelected = rows.count !== null && rows.count > 0 && selection.size >= rows.count;
  const { toolbarStart, toolbarEnd } = props;
  // Drawn again only when the view or the page's parts of it change, not with every new row.
  const bar = useMemo(
    () => (
      <RecordTableToolbar
        fields={fields}
        columnFields={columnFields}
        view={view}
        onViewChange={onViewChange}
        start={toolbarStart}
        end={toolbarEnd}
      />
    ),
    [fields, columnFields, view, onViewChange, toolbarStart, toolbarEnd],
  );

  if (rows.empty) {
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
          ref={setScrollerElement}
          className={`record-grid density-${view.density}`}
          role="grid"
          aria-label={props.label}
          // -1: the total is not known yet (still being counted).
          aria-rowcount={rows.count === null ? -1 : rows.count + 1}
          // The rows on screen are about to be replaced by those of a new search, filter or sort.
          aria-busy={rows.reading}
          aria-colcount={visible.length + 1}
          aria-multiselectable="true"
          data-command-scope="list"
          onKeyDownCapture={onKeyDownCapture}
        >
          <RecordTableHead
            table={table}
            gridWidth={gridWidth}
            count={rows.count}
            allSelected={allSelected}
            onSelectAll={async (on) => {
              if (!on) return onSelectionChange(new Set());
              onSelectionChange(new Set(await rows.allIds()));
            }}
            view={view}
            onViewChange={onViewChange}
          />
          <div role="rowgroup" style={{ height: count * rowHeight, width: gridWidth, position: 'relative' }}>
            {Array.from({ length: last - first }, (_, i) => {
              const index = first + i;
              const top = index * rowHeight;
              const row = rows.rowAt(index);
              if (!row) {
                const style = { height: rowHeight, transform: `translateY(${top}px)`, width: gridWidth };
                return (
                  <SkeletonRow
                    key={index}
                    index={index}
                    label={loadingLabel(index + 1)}
                    style={style}
                    visible={visible}
                  />
                );
              }
              return (
                <RecordRow
                  key={index}
                  row={row}
                  index={index}
                  top={top}
                  height={rowHeight}
                  width={gridWidth}
                  cells={cells}
                  selected={selection.has(row.id)}
                  current={row.id === props.openId}
                  name={props.rowName(row)}
                  selectLabel={selectLabel}
                  editing={inline.editing?.rowId === row.id ? inline.editing.field : null}
                  onOpen={onOpen}
                  onToggle={toggle}
                  onStartEdit={startEdit}
                  onFinishEdit={finishEdit}
                />
              );
            })}
          </div>
        </div>
        <RecordTableFooter
          section={props.section}
          count={rows.count}
          selection={selection}
          clearable={!props.bulkBar}
          onClear={clearSelection}
        />
      </div>
    </>
  );
}
