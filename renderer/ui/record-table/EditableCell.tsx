import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_ROW } from '../list-commands';
import type { RecordColumn } from './record-column';
import type { InlineEditEnd } from './use-inline-edit';

interface EditableCellProps<T> {
  row: T;
  column: RecordColumn<T>;
  label: string;
  /** The pencil's accessible name ("Edit Email"), translated once by the table for every row. */
  editLabel: string;
  /** Given by the table, which edits one cell at a time; on its own the cell keeps this itself. */
  editing?: boolean;
  onStart?: () => void;
  /** True when another cell took the edit over (Tab): the row then does not take focus back. */
  onFinish?: (how: InlineEditEnd) => boolean;
}

/**
 * A cell that edits in place: its pencil, a double click or F2 on its row turns it into a field;
 * Enter saves with the same rules as the drawer, Escape gives up, Tab and Shift+Tab save and go on
 * to the row's next or previous editable cell. A refused value stays in the field with the reason
 * beside it, and the field keeps focus.
 */
export function EditableCell<T extends { id: string }>(props: EditableCellProps<T>) {
  const { row, column, label } = props;
  const [own, setOwn] = useState(false);
  const editing = props.editing ?? own;
  const start = () => (props.onStart ? props.onStart() : setOwn(true));
  if (!editing || !column.edit || column.edit.allowed?.(row) === false) {
    const canEdit = !!column.edit && column.edit.allowed?.(row) !== false;
    return (
      <div className="editable-cell" onDoubleClick={canEdit ? (e) => (e.stopPropagation(), start()) : undefined}>
        <span className="editable-cell-value">{column.cell(row)}</span>
        {/* The pencil is drawn by the stylesheet: no icon component in every cell of every row. */}
        {canEdit && (
          <button
            type="button"
            className="icon-btn editable-cell-edit"
            tabIndex={-1}
            aria-label={props.editLabel}
            onClick={(e) => {
              e.stopPropagation();
              start();
            }}
          />
        )}
      </div>
    );
  }
  return (
    <CellEditor
      row={row}
      column={column}
      label={label}
      onFinish={(how) => {
        if (props.onFinish) return props.onFinish(how);
        setOwn(false);
        return false;
      }}
    />
  );
}

function CellEditor<T extends { id: string }>({
  row,
  column,
  label,
  onFinish,
}: {
  row: T;
  column: RecordColumn<T>;
  label: string;
  onFinish: (how: InlineEditEnd) => boolean;
}) {
  const { t } = useTranslation();
  const edit = column.edit!;
  const errorId = useId();
  const box = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const [value, setValue] = useState(() => edit.value(row));
  const [currency, setCurrency] = useState(() => edit.currency?.value(row));
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  const end = (how: InlineEditEnd) => {
    const rowElement = box.current?.closest<HTMLElement>(`[${LIST_ROW}]`);
    // Focus goes back to the row the edit started from, so J, K and F2 carry on from there.
    if (!onFinish(how)) rowElement?.focus();
  };
  const save = async (how: InlineEditEnd) => {
    if (value === edit.value(row) && currency === edit.currency?.value(row)) return end(how);
    setSaving(true);
    try {
      await (edit.currency ? edit.save(row, value, currency) : edit.save(row, value));
      setSaving(false);
      end(how);
    } catch (reason) {
      setSaving(false);
      setError(t('recordTable.edit.failed', { reason: reason instanceof Error ? reason.message : String(reason) }));
      field.current?.focus();
    }
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>, part: 'value' | 'currency') => {
    e.stopPropagation();
    if (saving) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      void save('done');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      end('done');
    } else if (e.key === 'Tab') {
      // Between an amount and its currency, Tab stays in the cell.
      if (edit.currency && (part === 'value') !== e.shiftKey) return;
      e.preventDefault();
      void save(e.shiftKey ? 'previous' : 'next');
    }
  };
  const common = {
    'aria-label': t('recordTable.edit.label', { column: label }),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    'aria-busy': saving || undefined,
    className: 'input input-small',
    onClick: (e: React.MouseEvent) => e.stopPropagation(),
  };
  return (
    <div className="editable-cell editing" ref={box}>
      {edit.options ? (
        <select
          {...common}
          ref={field}
          value={value}
          // A select cannot be read-only: while saving, keys are ignored instead (onKeyDown).
          autoFocus
          onChange={(e) => !saving && setValue(e.target.value)}
          onKeyDown={(e) => onKeyDown(e, 'value')}
        >
          {edit.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          ref={field}
          // Read-only rather than disabled while saving: a disabled field drops focus, and a refused
          // value must stay where the person can correct it.
          readOnly={saving}
          type={edit.type ?? 'text'}
          inputMode={edit.currency ? 'decimal' : undefined}
          value={value}
          autoFocus
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => onKeyDown(e, 'value')}
        />
      )}
      {edit.currency && (
        <select
          className="input input-small"
          aria-label={t('recordTable.edit.currency', { column: label })}
          value={currency}
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => !saving && setCurrency(e.target.value)}
          onKeyDown={(e) => onKeyDown(e, 'currency')}
        >
          {edit.currency.options.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      )}
      {error && (
        <span role="alert" id={errorId} className="editable-cell-error">
          {error}
        </span>
      )}
    </div>
  );
}
