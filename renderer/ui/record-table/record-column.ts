import type { ReactNode } from 'react';

/** How a column shows a record; its field, label and sortability come from the catalogue. */
export interface RecordColumn<T> {
  /** The catalogue field this column shows (`ViewColumn.field`). */
  field: string;
  cell: (row: T) => ReactNode;
  /** The primary column: bold, and what names the row to a screen reader. */
  primary?: boolean;
  /**
   * Inline edit: the field's current text, and how to save a new one (rejects with a message).
   * For money, `currency` is the amount's currency, chosen beside it and saved with it.
   */
  edit?: {
    value: (row: T) => string;
    save: (row: T, value: string, currency?: string) => Promise<void>;
    /** Choices for an enum; a text input otherwise. */
    options?: readonly { value: string; label: string }[];
    type?: 'text' | 'email' | 'tel' | 'number' | 'date' | 'datetime-local';
    currency?: { value: (row: T) => string; options: readonly string[] };
    /**
     * Whether this row's field may be changed here: false where the record's rules fix it (a
     * closed deal's probability) or the reader may not change the record. Absent: always.
     */
    allowed?: (row: T) => boolean;
  };
}
