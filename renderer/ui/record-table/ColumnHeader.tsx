import type { Header } from '@tanstack/react-table';
import type { ViewState } from '@domain/record-views/view-state';
import { clampWidth, MAX_WIDTH, MIN_WIDTH, RESIZE_STEP } from './column-width';
import { SortMark } from './SortMark';

export interface ColumnHeaderProps<T> {
  header: Header<T, unknown>;
  /** The header's place among the shown columns, from 0 (the selection column comes before). */
  index: number;
  /** Its sort button's and resize handle's names, from the column's name. */
  labels: { sortBy: (column: string) => string; resize: (column: string) => string };
  view: ViewState;
  onViewChange: (view: ViewState) => void;
}

/** One column's header: its sort button (when it sorts) and its resize handle, by mouse or arrows. */
export function ColumnHeader<T>({ header, index, labels, view, onViewChange }: ColumnHeaderProps<T>) {
  const column = header.column;
  const sorted = column.getIsSorted();
  const label = String(column.columnDef.header);
  return (
    <div
      role="columnheader"
      aria-label={label}
      aria-colindex={index + 2}
      className="record-grid-header"
      style={{ width: header.getSize() }}
      aria-sort={
        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : column.getCanSort() ? 'none' : undefined
      }
    >
      {column.getCanSort() ? (
        <button
          type="button"
          className="th-sort"
          aria-label={labels.sortBy(label)}
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
        aria-label={labels.resize(label)}
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
            columns: view.columns.map((c) => (c.field === column.id ? { ...c, width: clampWidth(c.width + step) } : c)),
          });
        }}
      />
    </div>
  );
}
