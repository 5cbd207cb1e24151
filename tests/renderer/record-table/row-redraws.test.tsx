import { giveGridsAScreenHeight } from '../support/record-table-support';
import { act, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { ViewState } from '@domain/record-views/view-state';
import type { Company } from '@domain/schemas/company';
import { LinkedRecordStore } from '../../../renderer/db/linked-record-store';
import type { RecordWindow } from '../../../renderer/db/use-record-window';
import type { RecordColumn } from '../../../renderer/ui/record-table/record-column';
import { NO_SELECTION, type RecordSelection } from '../../../renderer/ui/record-table/record-selection';
import { RecordTable } from '../../../renderer/ui/record-table/RecordTable';
import { tableFields } from '../../../renderer/ui/record-table/table-field';
import { LinkedCompany } from '../../../renderer/ui/LinkedCompany';
import { makeCompany } from '../../unit/domain/fixtures';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

interface Person {
  id: string;
  name: string;
  email: string;
  companyId: string;
}

const people: Person[] = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elena'].map((name, i) => ({
  id: `p${i}`,
  name,
  email: `${name.toLowerCase()}@example.com`,
  companyId: `c${i}`,
}));

// The companies the rows link to, as a list page looks them up once the rows are read.
const companies = new LinkedRecordStore<Company>();

// Every row the table draws asks its name cell for the record: what the table redraws, by name.
const drawn = vi.fn((p: Person) => p.name);
const columns: RecordColumn<Person>[] = [
  { field: 'name', cell: drawn, primary: true },
  {
    field: 'email',
    cell: (p) => p.email,
    edit: { type: 'email', value: (p) => p.email, save: () => Promise.resolve() },
  },
  {
    field: 'company',
    cell: (p) => <LinkedCompany companies={companies} id={p.companyId} unavailable="Company not available" />,
  },
];

const view: ViewState = {
  filters: [],
  sort: [{ field: 'name', direction: 'asc' }],
  columns: [
    { field: 'name', width: 200 },
    { field: 'email', width: 200 },
    { field: 'company', width: 200 },
  ],
  density: 'comfortable',
};

/** As a page holds the table: a new window object, callbacks and fields on every render. */
function Harness() {
  const [selection, setSelection] = useState<RecordSelection>(NO_SELECTION);
  const [state, setState] = useState(view);
  const { t } = useTranslation();
  const window: RecordWindow<Person> = {
    count: people.length,
    length: people.length,
    empty: false,
    rowAt: (i) => people[i],
    setRange: () => {},
    search: null,
    version: 1,
    allIds: () => Promise.resolve(people.map((r) => r.id)),
    loaded: people,
  };
  return (
    <RecordTable
      section="contacts"
      label="Contacts"
      fields={tableFields(t, 'contacts')}
      columns={columns}
      rows={window}
      view={state}
      onViewChange={setState}
      selection={selection}
      onSelectionChange={setSelection}
      openId={null}
      onOpen={() => {}}
      rowName={(p) => p.name}
      empty={null}
    />
  );
}

const redrawn = () => drawn.mock.calls.map(([p]) => p.name);

giveGridsAScreenHeight();

describe('what the record table redraws', () => {
  it('redraws only the row ticked, not the rows around it', async () => {
    await renderWithI18n(<Harness />);
    const grid = screen.getByRole('grid', { name: 'Contacts' });
    expect(new Set(redrawn())).toEqual(new Set(people.map((p) => p.name)));
    drawn.mockClear();
    await setupUser().click(within(grid).getByRole('checkbox', { name: 'Select Bruno' }));
    expect(within(grid).getByRole('checkbox', { name: 'Select Bruno' })).toBeChecked();
    expect(new Set(redrawn())).toEqual(new Set(['Bruno']));
  });

  it('redraws only the row whose cell is edited in place', async () => {
    await renderWithI18n(<Harness />);
    const grid = screen.getByRole('grid', { name: 'Contacts' });
    const carla = within(grid).getAllByRole('row')[3]!;
    drawn.mockClear();
    await setupUser().click(within(carla).getByRole('button', { name: 'Edit Email' }));
    expect(within(carla).getByRole('textbox', { name: 'Edit Email' })).toHaveValue('carla@example.com');
    expect(new Set(redrawn())).toEqual(new Set(['Carla']));
  });

  it('shows the linked companies when they arrive without redrawing the rows', async () => {
    await renderWithI18n(<Harness />);
    const grid = screen.getByRole('grid', { name: 'Contacts' });
    drawn.mockClear();
    const found = new Map([['c1', makeCompany({ id: 'c1', name: 'Andes Logistics' })]]);
    act(() => companies.answer(['c1', 'c2'], found));
    const bruno = within(grid).getAllByRole('row')[2]!;
    const carla = within(grid).getAllByRole('row')[3]!;
    expect(within(bruno).getByText('Andes Logistics')).toBeInTheDocument();
    // Asked for and not on this device: said so, not left blank.
    expect(within(carla).getByText('Company not available')).toBeInTheDocument();
    expect(redrawn()).toEqual([]);
  });
});
