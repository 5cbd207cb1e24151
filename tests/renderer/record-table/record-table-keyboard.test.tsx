import { giveGridsAScreenHeight, memoryWindow } from '../support/record-table-support';
import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { ViewState } from '@domain/record-views/view-state';
import { CommandHost } from '../../../renderer/commands/CommandHost';
import { SHELL_COMMANDS } from '../../../renderer/shell/shell-commands';
import { LIST_COMMANDS } from '../../../renderer/ui/list-commands';
import type { RecordColumn } from '../../../renderer/ui/record-table/record-column';
import { NO_SELECTION, type RecordSelection } from '../../../renderer/ui/record-table/record-selection';
import { RecordTable } from '../../../renderer/ui/record-table/RecordTable';
import { tableFields } from '../../../renderer/ui/record-table/table-field';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

interface Person {
  id: string;
  name: string;
  email: string;
}

const people: Person[] = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elena'].map((name, i) => ({
  id: `p${i}`,
  name,
  email: `${name.toLowerCase()}@example.com`,
}));

const columns: RecordColumn<Person>[] = [
  { field: 'name', cell: (p) => p.name, primary: true },
  { field: 'email', cell: (p) => p.email },
];

const view: ViewState = {
  filters: [],
  sort: [{ field: 'name', direction: 'asc' }],
  columns: [
    { field: 'name', width: 200 },
    { field: 'email', width: 200 },
  ],
  density: 'comfortable',
};

function Harness({ onOpen, onSelection }: { onOpen: (p: Person) => void; onSelection: (s: RecordSelection) => void }) {
  const [selection, setSelection] = useState<RecordSelection>(NO_SELECTION);
  const [state, setState] = useState(view);
  const { t } = useTranslation();
  return (
    <>
      <CommandHost commands={[...SHELL_COMMANDS, ...LIST_COMMANDS]} />
      <label>
        Search <input type="search" />
      </label>
      <RecordTable
        section="contacts"
        label="Contacts"
        fields={tableFields(t, 'contacts')}
        columns={columns}
        rows={memoryWindow(people)}
        view={state}
        onViewChange={setState}
        selection={selection}
        onSelectionChange={(s) => {
          setSelection(s);
          onSelection(s);
        }}
        openId={null}
        onOpen={onOpen}
        rowName={(p) => p.name}
        empty={null}
      />
    </>
  );
}

async function setup() {
  const onOpen = vi.fn();
  const onSelection = vi.fn();
  await renderWithI18n(<Harness onOpen={onOpen} onSelection={onSelection} />);
  const grid = screen.getByRole('grid', { name: 'Contacts' });
  const rows = within(grid).getAllByRole('row').slice(1);
  const selected = () => [...(onSelection.mock.lastCall?.[0] ?? new Set<string>())].sort();
  return { onOpen, rows, selected, user: setupUser() };
}

giveGridsAScreenHeight();

describe('the record table from the keyboard', () => {
  it('walks rows with J and K and opens the focused one on Enter', async () => {
    const { rows, onOpen, user } = await setup();
    rows[0]!.focus();
    await user.keyboard('jj');
    expect(rows[2]).toHaveFocus();
    await user.keyboard('k');
    expect(rows[1]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(people[1]);
  });

  it('ticks the focused row with X or Space, and unticks it again', async () => {
    const { rows, selected, user } = await setup();
    rows[1]!.focus();
    await user.keyboard('x');
    expect(selected()).toEqual(['p1']);
    expect(rows[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('j ');
    expect(selected()).toEqual(['p1', 'p2']);
    await user.keyboard(' ');
    expect(selected()).toEqual(['p1']);
  });

  it('extends the selection with Shift+X through from the row last ticked', async () => {
    const { rows, selected, user } = await setup();
    rows[0]!.focus();
    await user.keyboard('x');
    await user.keyboard('jjj');
    await user.keyboard('{Shift>}X{/Shift}');
    expect(selected()).toEqual(['p0', 'p1', 'p2', 'p3']);
  });

  it('takes no key typed in a text field', async () => {
    const { onOpen, selected, user } = await setup();
    await user.click(screen.getByRole('searchbox', { name: 'Search' }));
    await user.keyboard('xj k{Enter}');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('xj k');
    expect(selected()).toEqual([]);
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('selects every matching row from the header checkbox', async () => {
    const { selected, user } = await setup();
    await user.click(screen.getByRole('checkbox', { name: /Select all 5/ }));
    expect(selected()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
  });
});
