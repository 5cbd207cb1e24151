import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from '@tanstack/react-table';
import { LIST_ROW } from '../list-commands';
import { EditableCell } from './EditableCell';
import type { RecordColumn } from './record-column';
import type { InlineEdit } from './use-inline-edit';

export interface RecordRowProps<T extends { id: string }> {
  row: T;
  index: number;
  style: CSSProperties;
  visible: readonly Column<T, unknown>[];
  byField: ReadonlyMap<string, RecordColumn<T>>;
  selected: boolean;
  /** The record open in the drawer. */
  current: boolean;
  /** What names the row: its checkbox's label. */
  name: string;
  onOpen: (row: T) => void;
  onToggle: (index: number, extend: boolean) => void;
  /** Which cell of the table edits in place. */
  inline: InlineEdit<T>;
}

/** A record's row: its checkbox, then one cell per shown column (inline-editable where it edits). */
export function RecordRow<T extends { id: string }>(props: RecordRowProps<T>) {
  const { t } = useTranslation();
  const { row, index } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={props.selected}
      aria-current={props.current ? 'true' : undefined}
      className="record-grid-row record-grid-body-row"
      style={props.style}
      tabIndex={0}
      onClick={() => props.onOpen(row)}
      // J, K, X and Enter on a row are the list's commands (ui/list-commands.ts).
      {...{ [LIST_ROW]: '' }}
    >
      <div role="gridcell" className="record-grid-select" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={t('recordTable.selectRow', { name: props.name })}
          checked={props.selected}
          onChange={(e) => props.onToggle(index, (e.nativeEvent as MouseEvent).shiftKey)}
        />
      </div>
      {props.visible.map((c) => {
        const column = props.byField.get(c.id)!;
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
                editing={props.inline.isEditing(row, c.id)}
                onStart={() => props.inline.start(row, c.id)}
                onFinish={(how) => props.inline.finish(row, c.id, how)}
              />
            ) : (
              column.cell(row)
            )}
          </div>
        );
      })}
    </div>
  );
}
