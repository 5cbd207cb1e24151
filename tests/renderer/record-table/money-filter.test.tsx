import { screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { ViewFilter } from '@domain/record-views/view-state';
import { FilterBar } from '../../../renderer/ui/record-table/FilterBar';
import { tableFields } from '../../../renderer/ui/record-table/table-field';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

function DealFilters({ filters, onChange }: { filters: ViewFilter[]; onChange: (f: ViewFilter[]) => void }) {
  const { t } = useTranslation();
  return <FilterBar fields={tableFields(t, 'deals')} filters={filters} onChange={onChange} />;
}

async function addValueFilter(op: string, currency: string, from: string, to?: string) {
  const onChange = vi.fn();
  await renderWithI18n(<DealFilters filters={[]} onChange={onChange} />);
  const user = setupUser();
  await user.click(screen.getByRole('button', { name: 'Add filter' }));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Field' }), 'Value');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Condition' }), op);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), currency);
  await user.type(screen.getByRole('textbox', { name: to === undefined ? 'Value' : 'From' }), from);
  if (to !== undefined) await user.type(screen.getByRole('textbox', { name: 'To' }), to);
  return { onChange, user, apply: screen.getByRole('button', { name: 'Apply filter' }) };
}

describe('a money filter in the record table', () => {
  it('reads yen as whole yen, with no hundredths, and keeps to deals in yen', async () => {
    const { onChange, user, apply } = await addValueFilter('at least', 'JPY', '1500');
    await user.click(apply);
    expect(onChange).toHaveBeenCalledWith([
      { field: 'value', op: 'gte', value: JSON.stringify({ currency: 'JPY', amount: 1500 }) },
    ]);
  });

  it('reads dollars with their cents and a range in the same currency', async () => {
    const { onChange, user, apply } = await addValueFilter('between', 'USD', '1,250.50', '2000');
    await user.click(apply);
    expect(onChange).toHaveBeenCalledWith([
      { field: 'value', op: 'between', value: JSON.stringify({ currency: 'USD', from: 125_050, to: 200_000 }) },
    ]);
  });

  it('refuses an amount with more decimals than the currency has, keeping what was typed', async () => {
    const { apply } = await addValueFilter('at most', 'JPY', '10.5');
    expect(apply).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Value' })).toHaveValue('10.5');
  });

  it('shows a money filter in its currency on its chip', async () => {
    const filters = [{ field: 'value', op: 'gte' as const, value: JSON.stringify({ currency: 'JPY', amount: 1500 }) }];
    await renderWithI18n(<DealFilters filters={filters} onChange={() => {}} />);
    expect(screen.getByRole('group', { name: 'Filters' })).toHaveTextContent('Value at least ¥1,500');
  });
});
