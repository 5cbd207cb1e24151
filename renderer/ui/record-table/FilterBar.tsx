import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, X } from 'lucide-react';
import { formatMoney, parseMoneyInput, SUPPORTED_CURRENCIES } from '@domain/money';
import { encodeMoneyFilter, readMoneyFilter } from '@domain/record-views/money-filter';
import { VIEW_TOKENS, type FilterOp, type ViewFilter } from '@domain/record-views/view-state';
import type { ViewField } from '@domain/record-views/view-fields';
import { OwnerName, OwnerSelect } from './OwnerChoice';
import type { TableField } from './table-field';

const NO_VALUE: readonly FilterOp[] = ['empty', 'notEmpty'];

/**
 * The operators offered by hand. A link to one record (a company) would need a record picker
 * here: only "is empty" and "is not empty" are offered for it, as for a team, which a person
 * picks as "my team".
 */
function offeredOps(field: ViewField): readonly FilterOp[] {
  if (field.kind === 'reference') return field.ops.filter((op) => NO_VALUE.includes(op));
  if (field.kind === 'team') return ['eq'];
  if (field.kind === 'owner') return field.ops.filter((op) => op !== 'in');
  return field.ops;
}

/** A bare number on a money filter, as views saved before currencies were named hold: cents. */
const LEGACY_MINOR_PER_UNIT = 100;

/** What the form holds besides the field and operator. */
interface FilterInput {
  raw: string;
  rawTo: string;
  chosen: string[];
  /** A money filter's currency: its amounts are typed, and compared, in it. */
  currency: string;
  locale: string;
}

function encode(field: ViewField, op: FilterOp, { raw, rawTo, chosen, currency, locale }: FilterInput): string | null {
  if (NO_VALUE.includes(op)) return 'null';
  if (field.kind === 'money') {
    // Typed as a person writes an amount in this currency: its own decimals, none for yen.
    const amount = (text: string) =>
      text.trim() === '' ? null : (parseMoneyInput(text, currency, locale)?.amount ?? null);
    const from = amount(raw);
    if (from === null) return null;
    if (op !== 'between') return encodeMoneyFilter(op, currency, from);
    const to = amount(rawTo);
    return to === null ? null : encodeMoneyFilter(op, currency, from, to);
  }
  const number = (text: string) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return null;
    return n;
  };
  switch (field.kind) {
    case 'boolean':
      return JSON.stringify(raw !== 'false');
    case 'enum':
      return op === 'in' ? (chosen.length ? JSON.stringify(chosen) : null) : JSON.stringify(raw);
    case 'tags': {
      const tags = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return tags.length ? JSON.stringify(tags) : null;
    }
    case 'number': {
      const from = number(raw);
      if (from === null) return null;
      if (op !== 'between') return JSON.stringify(from);
      const to = number(rawTo);
      return to === null ? null : JSON.stringify([from, to]);
    }
    case 'date':
    case 'dateTime':
      if (!raw) return null;
      if (op !== 'between') return JSON.stringify(raw);
      return rawTo ? JSON.stringify([raw, rawTo]) : null;
    default:
      return raw.trim() === '' ? null : JSON.stringify(raw.trim());
  }
}

/**
 * The view's filters as chips, each removable, an "Add filter" form (field, then condition, then
 * value) and "Clear". Changes go to the view; the table is read again from it.
 */
export function FilterBar({
  fields,
  filters,
  onChange,
}: {
  fields: readonly TableField[];
  filters: readonly ViewFilter[];
  onChange: (filters: ViewFilter[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  const byId = new Map(fields.map((f) => [f.field.id, f]));
  const opLabel = (field: ViewField, op: FilterOp) =>
    (field.kind === 'number' || field.kind === 'money') && (op === 'gte' || op === 'lte')
      ? t(`recordTable.filters.opsNumber.${op}`)
      : t(`recordTable.filters.ops.${op}`);
  const valueText = (f: TableField, filter: ViewFilter): string => {
    if (NO_VALUE.includes(filter.op)) return '';
    let value: unknown;
    try {
      value = JSON.parse(filter.value);
    } catch {
      return filter.value;
    }
    const money = f.field.kind === 'money' ? readMoneyFilter(filter.op, value) : null;
    if (money) {
      return money.amounts
        .map((amount) => formatMoney({ amount, currency: money.currency }, i18n.language))
        .join(' – ');
    }
    const one = (v: unknown): string => {
      if (v === VIEW_TOKENS.me) return t('recordTable.filters.me');
      if (v === VIEW_TOKENS.myTeam) return t('recordTable.filters.myTeam');
      if (v === VIEW_TOKENS.today) return t('recordTable.filters.today');
      if (typeof v === 'boolean') return v ? t('recordTable.filters.yes') : t('recordTable.filters.no');
      if (typeof v === 'number' && f.field.kind === 'money') return String(v / LEGACY_MINOR_PER_UNIT);
      if (typeof v === 'string' && f.field.kind === 'enum') return f.valueLabel(v);
      return String(v);
    };
    return Array.isArray(value) ? value.map(one).join(filter.op === 'between' ? ' – ' : ', ') : one(value);
  };
  return (
    <div className="filter-bar" role="group" aria-label={t('recordTable.filters.label')}>
      {filters.map((filter, index) => {
        const f = byId.get(filter.field);
        if (!f) return null;
        const chip = (value: string) => {
          const text = `${f.label} ${opLabel(f.field, filter.op)} ${value}`.trim();
          return (
            <span key={`${filter.field}-${index}`} className="filter-chip">
              {text}
              <button
                type="button"
                className="icon-btn filter-chip-remove"
                aria-label={t('recordTable.filters.remove', { filter: text })}
                onClick={() => onChange(filters.filter((_, i) => i !== index))}
              >
                <X size={12} aria-hidden="true" />
              </button>
            </span>
          );
        };
        const person = f.field.kind === 'owner' ? personOf(filter) : null;
        return person ? (
          <OwnerName key={`${filter.field}-${index}`} id={person}>
            {chip}
          </OwnerName>
        ) : (
          chip(valueText(f, filter))
        );
      })}
      {adding ? (
        <FilterForm
          fields={fields.filter((f) => offeredOps(f.field).length > 0)}
          opLabel={opLabel}
          onCancel={() => setAdding(false)}
          onAdd={(filter) => {
            onChange([...filters, filter]);
            setAdding(false);
          }}
        />
      ) : (
        <button type="button" className="btn btn-small" onClick={() => setAdding(true)}>
          <Plus size={14} aria-hidden="true" /> {t('recordTable.filters.add')}
        </button>
      )}
      {filters.length > 0 && (
        <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange([])}>
          {t('recordTable.filters.clear')}
        </button>
      )}
    </div>
  );
}

function FilterForm({
  fields,
  opLabel,
  onAdd,
  onCancel,
}: {
  fields: readonly TableField[];
  opLabel: (field: ViewField, op: FilterOp) => string;
  onAdd: (filter: ViewFilter) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [fieldId, setFieldId] = useState(fields[0]?.field.id ?? '');
  const current = fields.find((f) => f.field.id === fieldId) ?? fields[0];
  const ops = current ? offeredOps(current.field) : [];
  const [op, setOp] = useState<FilterOp>(ops[0] ?? 'eq');
  const [raw, setRaw] = useState('');
  const [rawTo, setRawTo] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [currency, setCurrency] = useState<string>(SUPPORTED_CURRENCIES[0]);
  if (!current) return null;
  const field = current.field;
  const effectiveOp = ops.includes(op) ? op : ops[0]!;
  const encoded = encode(field, effectiveOp, {
    raw: raw || defaultRaw(field),
    rawTo,
    chosen,
    currency,
    locale: i18n.language,
  });
  // Money is text: "1.250,50" in Spanish, and a number field would drop what it cannot read.
  const inputType =
    field.kind === 'date' || field.kind === 'dateTime' ? 'date' : field.kind === 'number' ? 'number' : 'text';
  const needsValue = !NO_VALUE.includes(effectiveOp);
  return (
    <form
      className="filter-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (encoded !== null) onAdd({ field: field.id, op: effectiveOp, value: encoded });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={`${id}-field`} className="visually-hidden">
        {t('recordTable.filters.field')}
      </label>
      <select
        id={`${id}-field`}
        className="input input-small"
        value={field.id}
        // The form opens on the field choice: a person adding a filter picks the field first.
        autoFocus
        onChange={(e) => {
          setFieldId(e.target.value);
          setRaw('');
          setRawTo('');
          setChosen([]);
        }}
      >
        {fields.map((f) => (
          <option key={f.field.id} value={f.field.id}>
            {f.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-op`} className="visually-hidden">
        {t('recordTable.filters.op')}
      </label>
      <select
        id={`${id}-op`}
        className="input input-small"
        value={effectiveOp}
        onChange={(e) => setOp(e.target.value as FilterOp)}
      >
        {ops.map((o) => (
          <option key={o} value={o}>
            {opLabel(field, o)}
          </option>
        ))}
      </select>
      {needsValue &&
        (field.kind === 'owner' ? (
          <OwnerSelect value={raw || defaultRaw(field)} onChange={setRaw} />
        ) : field.kind === 'enum' || field.kind === 'boolean' || field.kind === 'team' ? (
          <select
            aria-label={t('recordTable.filters.value')}
            className="input input-small"
            multiple={effectiveOp === 'in'}
            value={effectiveOp === 'in' ? chosen : raw || defaultRaw(field)}
            onChange={(e) =>
              effectiveOp === 'in'
                ? setChosen([...e.target.selectedOptions].map((o) => o.value))
                : setRaw(e.target.value)
            }
          >
            {choicesOf(current, t).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        ) : (
          <>
            {field.kind === 'money' && (
              <select
                aria-label={t('recordTable.filters.currency')}
                className="input input-small"
                value={currency}
                onChange={(e) => setCurrency(e.target.value)}
              >
                {SUPPORTED_CURRENCIES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
            <input
              aria-label={effectiveOp === 'between' ? t('recordTable.filters.from') : t('recordTable.filters.value')}
              className="input input-small"
              type={inputType}
              inputMode={field.kind === 'money' ? 'decimal' : undefined}
              value={raw}
              onChange={(e) => setRaw(e.target.value)}
            />
            {effectiveOp === 'between' && (
              <input
                aria-label={t('recordTable.filters.to')}
                className="input input-small"
                type={inputType}
                inputMode={field.kind === 'money' ? 'decimal' : undefined}
                value={rawTo}
                onChange={(e) => setRawTo(e.target.value)}
              />
            )}
          </>
        ))}
      <button type="submit" className="btn btn-small btn-primary" disabled={encoded === null}>
        {t('recordTable.filters.apply')}
      </button>
      <button type="button" className="btn btn-small" onClick={onCancel}>
        {t('recordTable.filters.cancel')}
      </button>
    </form>
  );
}

/** The user an owner filter names (`is`, `is not` one person), or null for a token or no value. */
function personOf(filter: ViewFilter): string | null {
  if (filter.op !== 'eq' && filter.op !== 'neq') return null;
  let value: unknown;
  try {
    value = JSON.parse(filter.value);
  } catch {
    return null;
  }
  return typeof value === 'string' && value !== '' && !Object.values<string>(VIEW_TOKENS).includes(value)
    ? value
    : null;
}

/** What a choice list shows first, so a filter can be applied without touching it. */
function defaultRaw(field: ViewField): string {
  if (field.kind === 'boolean') return 'true';
  if (field.kind === 'owner') return VIEW_TOKENS.me;
  if (field.kind === 'team') return VIEW_TOKENS.myTeam;
  if (field.kind === 'enum') return field.values?.[0] ?? '';
  return '';
}

function choicesOf(
  f: TableField,
  t: (
    key: 'recordTable.filters.yes' | 'recordTable.filters.no' | 'recordTable.filters.me' | 'recordTable.filters.myTeam',
  ) => string,
) {
  switch (f.field.kind) {
    case 'boolean':
      return [
        { value: 'true', label: t('recordTable.filters.yes') },
        { value: 'false', label: t('recordTable.filters.no') },
      ];
    case 'team':
      return [{ value: VIEW_TOKENS.myTeam, label: t('recordTable.filters.myTeam') }];
    default:
      return (f.field.values ?? []).map((v) => ({ value: v, label: f.valueLabel(v) }));
  }
}
