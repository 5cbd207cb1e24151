import { useState } from 'react';
import type { RecordColumn } from './record-column';

/** The cell being edited in place: one at a time in a table. */
export interface InlineEditing {
  rowId: string;
  field: string;
}

/** How an edit of a cell ended: saved or given up (`done`), or saved and on to a neighbour. */
export type InlineEditEnd = 'done' | 'next' | 'previous';

/** The table's inline-edit state and moves, as useInlineEdit returns them. */
export type InlineEdit<T extends { id: string }> = ReturnType<typeof useInlineEdit<T>>;

/**
 * Which cell of the table edits in place, and the order Tab walks: the row's editable cells as
 * the columns are shown, leaving out those the row's rules or the reader's role keep fixed.
 */
export function useInlineEdit<T extends { id: string }>(columns: readonly RecordColumn<T>[]) {
  const [editing, setEditing] = useState<InlineEditing | null>(null);
  const editableFields = (row: T) =>
    columns.filter((c) => c.edit && (c.edit.allowed?.(row) ?? true)).map((c) => c.field);
  return {
    editing,
    isEditing: (row: T, field: string) => editing?.rowId === row.id && editing.field === field,
    canEdit: (row: T) => editableFields(row).length > 0,
    start: (row: T, field: string) => setEditing({ rowId: row.id, field }),
    /** F2 on a row: its first editable cell. */
    startFirst: (row: T) => {
      const first = editableFields(row)[0];
      if (first) setEditing({ rowId: row.id, field: first });
    },
    /** Returns true when another cell of the row took the edit over (Tab, Shift+Tab). */
    finish: (row: T, field: string, how: InlineEditEnd): boolean => {
      const fields = editableFields(row);
      const next = how === 'done' ? undefined : fields[fields.indexOf(field) + (how === 'next' ? 1 : -1)];
      setEditing(next ? { rowId: row.id, field: next } : null);
      return next !== undefined;
    },
  };
}
