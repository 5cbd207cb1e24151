import { memo } from 'react';
import { LIST_ROW } from '../list-commands';
import { EditableCell } from './EditableCell';
import type { RowCell } from './row-cell';
import type { InlineEditEnd } from './use-inline-edit';

export interface RecordRowProps<T extends { id: string }> {
  row: T;
  index: number;
  /** Where the virtual list places the row, and its size. */
  top: number;
  height: number;
  width: number;
  cells: readonly RowCell<T>[];
  selected: boolean;
  /** The record open in the drawer. */
  current: boolean;
  /** What names the row. */
  name: string;
  /** Its checkbox's label, from its name. */
  selectLabel: (name: string) => string;
  /** The field of this row being edited in place, if any. */
  editing: string | null;
  onOpen: (row: T) => void;
  onToggle: (index: number, extend: boolean) => void;
  onStartEdit: (row: T, field: string) => void;
  /** True when another cell of the row took the edit over (Tab). */
  onFinishEdit: (row: T, field: string, how: InlineEditEnd) => boolean;
}

/**
 * A record's row: its checkbox, then one cell per shown column (inline-editable where it edits).
 * Memoized, with only plain values and stable callbacks for props: scrolling mounts the rows that
 * come into view and leaves the others alone.
 */
function RecordRowOf<T extends { id: string }>(props: RecordRowProps<T>) {
  const { row, index, onStartEdit, onFinishEdit } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={props.selected}
      aria-current={props.current ? 'true' : undefined}
      className="record-grid-row record-grid-body-row"
      style={{ height: props.height, transform: `translateY(${props.top}px)`, width: props.width }}
      tabIndex={0}
      onClick={() => props.onOpen(row)}
      // J, K, X and Enter on a row are the list's commands (ui/list-commands.ts).
      {...{ [LIST_ROW]: '' }}
    >
      <div role="gridcell" className="record-grid-select" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={props.selectLabel(props.name)}
          checked={props.selected}
          onChange={(e) => props.onToggle(index, (e.nativeEvent as MouseEvent).shiftKey)}
        />
      </div>
      {props.cells.map((cell) => (
        <div
          key={cell.id}
          role="gridcell"
          className={cell.column.primary ? 'cell-primary' : undefined}
          style={{ width: cell.width }}
        >
          {cell.column.edit ? (
            <EditableCell
              row={row}
              column={cell.column}
              label={cell.label}
              editLabel={cell.editLabel}
              editing={props.editing === cell.id}
              onStart={() => onStartEdit(row, cell.id)}
              onFinish={(how) => onFinishEdit(row, cell.id, how)}
            />
          ) : (
            cell.column.cell(row)
          )}
        </div>
      ))}
    </div>
  );
}

export const RecordRow = memo(RecordRowOf) as typeof RecordRowOf;
