import type { ReactNode } from 'react';

/** How a column shows a record; its field, label and sortability come from the catalogue. */
export interface RecordColumn<T> {
  /** The catalogue field this column shows (`ViewColumn.field`). */
  field: string;
  cell: (row: T) => ReactNode;
  /** The primary column: bold, and what names the row to a screen reader. */
  primary?: boolean;
  /** Inline edit: the field's current text, and how to save a new one (rejects with a message). */
  edit?: {
    value: (row: T) => string;
    save: (row: T, value: string) => Promise<void>;
    /** Choices for an enum; a text input otherwise. */
    options?: readonly { value: string; label: string }[];
    type?: 'text' | 'email' | 'tel' | 'number';
  };
}
