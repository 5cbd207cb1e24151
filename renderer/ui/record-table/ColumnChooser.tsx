import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronLeft, ChevronRight, Columns3 } from 'lucide-react';
import type { ViewColumn } from '@domain/record-views/view-state';
import type { TableField } from './table-field';

/** A column shown for the first time starts this wide (pixels). */
export const DEFAULT_COLUMN_WIDTH = 180;

/**
 * Which columns show, and in what order: a checkbox per column, and for the shown ones buttons
 * that move them left and right — reordering without a mouse.
 */
export function ColumnChooser({
  fields,
  columns,
  onChange,
}: {
  /** Every field that may be a column, in the catalogue's order. */
  fields: readonly TableField[];
  columns: readonly ViewColumn[];
  onChange: (columns: ViewColumn[]) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const shown = new Map(columns.map((c, i) => [c.field, i]));
  const labelOf = new Map(fields.map((f) => [f.field.id, f.label]));
  const move = (index: number, step: -1 | 1) => {
    const next = [...columns];
    const [column] = next.splice(index, 1);
    next.splice(index + step, 0, column!);
    onChange(next);
  };
  // Shown columns first in their order, then the hidden ones in the catalogue's.
  const ordered = [
    ...columns.filter((c) => labelOf.has(c.field)).map((c) => c.field),
    ...fields.filter((f) => !shown.has(f.field.id)).map((f) => f.field.id),
  ];
  return (
    <div className="column-chooser">
      <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Columns3 size={14} aria-hidden="true" /> {t('recordTable.columns.button')}
      </button>
      {open && (
        <div
          className="column-chooser-panel card"
          role="group"
          aria-label={t('recordTable.columns.label')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <ul>
            {ordered.map((field) => {
              const index = shown.get(field);
              const label = labelOf.get(field) ?? field;
              return (
                <li key={field}>
                  <label>
                    <input
                      type="checkbox"
                      checked={index !== undefined}
                      // The last shown column stays: a table of no columns shows nothing to pick.
                      disabled={index !== undefined && columns.length === 1}
                      onChange={(e) =>
                        onChange(
                          e.target.checked
                            ? [...columns, { field, width: DEFAULT_COLUMN_WIDTH }]
                            : columns.filter((c) => c.field !== field),
                        )
                      }
                    />
                    {label}
                  </label>
                  {index !== undefined && (
                    <span className="column-chooser-moves">
                      <button
                        type="button"
                        className="icon-btn"
                        aria-label={t('recordTable.columns.moveLeft', { column: label })}
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                      >
                        <ChevronLeft size={14} aria-hidden="true" />
                      </button>
                      <button
                        type="button"
                        className="icon-btn"
                        aria-label={t('recordTable.columns.moveRight', { column: label })}
                        disabled={index === columns.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        <ChevronRight size={14} aria-hidden="true" />
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
