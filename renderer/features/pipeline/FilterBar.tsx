import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasFilters } from '@domain/board-rules';
import { parseTags } from '@domain/field-rules';
import { parseMoneyInput } from '@domain/money';
import { useRxQuery } from '../../db/use-rx';
import { useBoard } from './board-store';

/** Owner, close date range, value range and tags; every field labelled, every change immediate. */
export function FilterBar({ currency }: { currency: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const filters = useBoard((s) => s.filters);
  const setFilters = useBoard((s) => s.setFilters);
  const clearFilters = useBoard((s) => s.clearFilters);
  const { docs: users } = useRxQuery('users', { selector: { deletedAt: null }, sort: [{ email: 'asc' }] });
  // Typed amounts stay as typed; the filter takes them once they parse.
  const [minText, setMinText] = useState('');
  const [maxText, setMaxText] = useState('');
  const [tagText, setTagText] = useState('');
  const amount = (text: string) =>
    text.trim() ? (parseMoneyInput(text, currency, i18n.language)?.amount ?? null) : null;
  const field = (suffix: string) => `${id}-${suffix}`;
  return (
    <div className="board-filters" role="group" aria-label={t('pipeline.filters.label')}>
      <div className="field">
        <label htmlFor={field('owner')}>{t('pipeline.filters.owner')}</label>
        <select
          id={field('owner')}
          className="select"
          value={filters.ownerId}
          onChange={(e) => setFilters({ ownerId: e.target.value })}
        >
          <option value="">{t('pipeline.filters.anyOwner')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={field('from')}>{t('pipeline.filters.closeFrom')}</label>
        <input
          id={field('from')}
          className="input"
          type="date"
          value={filters.closeFrom}
          onChange={(e) => setFilters({ closeFrom: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={field('to')}>{t('pipeline.filters.closeTo')}</label>
        <input
          id={field('to')}
          className="input"
          type="date"
          value={filters.closeTo}
          onChange={(e) => setFilters({ closeTo: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={field('min')}>{t('pipeline.filters.minValue', { currency })}</label>
        <input
          id={field('min')}
          className="input"
          inputMode="decimal"
          value={minText}
          onChange={(e) => {
            setMinText(e.target.value);
            setFilters({ minAmount: amount(e.target.value) });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={field('max')}>{t('pipeline.filters.maxValue', { currency })}</label>
        <input
          id={field('max')}
          className="input"
          inputMode="decimal"
          value={maxText}
          onChange={(e) => {
            setMaxText(e.target.value);
            setFilters({ maxAmount: amount(e.target.value) });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={field('tags')}>{t('pipeline.filters.tags')}</label>
        <input
          id={field('tags')}
          className="input"
          value={tagText}
          placeholder={t('common.tagsHint')}
          onChange={(e) => {
            setTagText(e.target.value);
            setFilters({ tags: parseTags(e.target.value) });
          }}
        />
      </div>
      {hasFilters(filters) && (
        <button
          type="button"
          className="btn btn-small btn-ghost board-filters-clear"
          onClick={() => {
            setMinText('');
            setMaxText('');
            setTagText('');
            clearFilters();
          }}
        >
          {t('pipeline.filters.clear')}
        </button>
      )}
    </div>
  );
}
