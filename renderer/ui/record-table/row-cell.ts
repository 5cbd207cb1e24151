import type { Column } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { RecordColumn } from './record-column';

/** A shown column as every row draws it: plain values, translated once for the whole table. */
export interface RowCell<T> {
  id: string;
  width: number;
  column: RecordColumn<T>;
  /** The column's name. */
  label: string;
  /** The accessible name of the cell's pencil, for a column that edits in place. */
  editLabel: string;
}

export function rowCells<T>(
  visible: readonly Column<T, unknown>[],
  byField: ReadonlyMap<string, RecordColumn<T>>,
  t: TFunction,
): RowCell<T>[] {
  return visible.map((c) => {
    const column = byField.get(c.id)!;
    const label = String(c.columnDef.header);
    const editLabel = column.edit ? t('recordTable.edit.label', { column: label }) : '';
    return { id: c.id, width: c.getSize(), column, label, editLabel };
  });
}

/** What changes the cells: the columns shown, their order, widths and names. */
export function rowCellsKey<T>(visible: readonly Column<T, unknown>[]): string {
  return JSON.stringify(visible.map((c) => [c.id, c.getSize(), String(c.columnDef.header)]));
}
