import { X } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchKey } from '@domain/derived-fields';
import { useRecord, useRxQuery } from '../db/use-rx';

type PickableCollection = 'companies' | 'contacts';

const UNAVAILABLE = {
  companies: 'links.companyUnavailable',
  contacts: 'links.contactUnavailable',
} as const satisfies Record<PickableCollection, string>;

interface Pickable {
  id: string;
  nameKey: string;
  deletedAt: string | null;
}

/**
 * A searchable combobox over one collection, matched by name prefix through the `nameKey` index
 * so it stays instant with 100k records. Follows the ARIA combobox pattern: type, arrow, Enter.
 * A linked record this device does not have (made offline on another device, not synced yet) is
 * said to be unavailable, not shown as an empty field.
 */
export function RecordPicker<T extends Pickable>({
  collection,
  label,
  value,
  onChange,
  describe,
  emptyLabel,
}: {
  collection: PickableCollection;
  label: string;
  value: string;
  onChange: (id: string) => void;
  describe: (record: T) => string;
  emptyLabel: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const unavailableId = `${id}-unavailable`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const selected = useRecord(collection, value || null) as T | null | undefined;
  const key = searchKey(query);
  const { docs } = useRxQuery(
    collection,
    open
      ? {
          selector: { nameKey: key ? { $gte: key, $lt: `${key}\uffff` } : { $gte: '' }, deletedAt: null },
          sort: [{ nameKey: 'asc' }],
          limit: 8,
        }
      : null,
  );
  const options = docs as unknown as T[];

  const choose = (record: T | undefined) => {
    if (!record) return;
    onChange(record.id);
    setQuery('');
    setOpen(false);
  };

  const shown = open ? query : selected ? describe(selected) : '';
  const unavailable = !!value && selected === null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="picker picker-selected">
        <input
          id={id}
          className="input"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-describedby={unavailable ? unavailableId : undefined}
          aria-activedescendant={open && options[active] ? `${listId}-${options[active].id}` : undefined}
          placeholder={value ? undefined : emptyLabel}
          value={shown}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 120)}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter' && open) {
              e.preventDefault();
              choose(options[active]);
            } else if (e.key === 'Escape' && open) {
              e.preventDefault();
              setOpen(false);
            }
          }}
        />
        {value && (
          <button
            type="button"
            className="btn btn-ghost"
            aria-label={t('picker.clear', { field: label })}
            onClick={() => onChange('')}
          >
            <X size={16} aria-hidden="true" />
          </button>
        )}
        {open && (
          <ul className="picker-list" id={listId} role="listbox" aria-label={label}>
            {options.length === 0 && (
              <li className="picker-option muted" role="option" aria-selected="false" aria-disabled="true">
                {t('picker.noMatches')}
              </li>
            )}
            {options.map((o, i) => (
              <li
                key={o.id}
                id={`${listId}-${o.id}`}
                role="option"
                aria-selected={i === active}
                className="picker-option"
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
              >
                {describe(o)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {unavailable && (
        <p id={unavailableId} className="muted">
          {t(UNAVAILABLE[collection])}
        </p>
      )}
    </div>
  );
}
