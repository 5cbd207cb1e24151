import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pencil } from 'lucide-react';
import type { RecordColumn } from './record-column';

/**
 * A cell that edits in place: its pencil (or a double click) turns it into a field; Enter saves
 * with the same rules as the drawer, Escape gives up. A refused value stays in the field with the
 * reason beside it.
 */
export function EditableCell<T extends { id: string }>({
  row,
  column,
  label,
}: {
  row: T;
  column: RecordColumn<T>;
  label: string;
}) {
  const { t } = useTranslation();
  const edit = column.edit!;
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const start = () => {
    setValue(edit.value(row));
    setError('');
  };
  if (value === null) {
    return (
      <div className="editable-cell" onDoubleClick={(e) => (e.stopPropagation(), start())}>
        <span className="editable-cell-value">{column.cell(row)}</span>
        <button
          type="button"
          className="icon-btn editable-cell-edit"
          tabIndex={-1}
          aria-label={t('recordTable.edit.label', { column: label })}
          onClick={(e) => {
            e.stopPropagation();
            start();
          }}
        >
          <Pencil size={12} aria-hidden="true" />
        </button>
      </div>
    );
  }
  const save = async () => {
    if (value === edit.value(row)) return setValue(null);
    setSaving(true);
    try {
      await edit.save(row, value);
      setValue(null);
    } catch (reason) {
      setError(t('recordTable.edit.failed', { reason: reason instanceof Error ? reason.message : String(reason) }));
    } finally {
      setSaving(false);
    }
  };
  const field = {
    'aria-label': t('recordTable.edit.label', { column: label }),
    'aria-invalid': error ? true : undefined,
    className: 'input input-small',
    value,
    disabled: saving,
    autoFocus: true,
    onClick: (e: React.MouseEvent) => e.stopPropagation(),
    onKeyDown: (e: React.KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === 'Enter') {
        e.preventDefault();
        void save();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        setValue(null);
      }
    },
  };
  return (
    <div className="editable-cell editing">
      {edit.options ? (
        <select {...field} onChange={(e) => setValue(e.target.value)}>
          {edit.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...field} type={edit.type ?? 'text'} onChange={(e) => setValue(e.target.value)} />
      )}
      {error && (
        <span role="alert" className="editable-cell-error">
          {error}
        </span>
      )}
    </div>
  );
}
