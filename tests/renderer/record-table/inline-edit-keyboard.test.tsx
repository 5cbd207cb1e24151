import { giveGridsAScreenHeight, memoryWindow } from '../support/record-table-support';
import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ViewState } from '@domain/record-views/view-state';
import { CheatSheet } from '../../../renderer/commands/CheatSheet';
import { CommandHost } from '../../../renderer/commands/CommandHost';
import { useCommands } from '../../../renderer/commands/command-store';
import type { RecordWindow } from '../../../renderer/db/use-record-window';
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
  title: string;
  /** A record whose rules keep every field as it is (as a closed deal's probability). */
  locked?: boolean;
}

const view: ViewState = {
  filters: [],
  sort: [{ field: 'name', direction: 'asc' }],
  columns: [
    { field: 'name', width: 200 },
    { field: 'email', width: 200 },
    { field: 'title', width: 200 },
  ],
  density: 'comfortable',
};

function Harness({ save }: { save: (p: Person, field: string, value: string) => Promise<void> }) {
  const [people, setPeople] = useState<Person[]>([
    { id: 'p0', name: 'Ana', email: 'ana@example.com', title: 'Buyer' },
    { id: 'p1', name: 'Bruno', email: 'bruno@example.com', title: 'CFO', locked: true },
  ]);
  const [selection, setSelection] = useState<RecordSelection>(NO_SELECTION);
  const [state, setState] = useState(view);
  const { t } = useTranslation();
  const editable = (field: 'email' | 'title'): RecordColumn<Person>['edit'] => ({
    value: (p) => p[field],
    allowed: (p) => !p.locked,
    save: async (p, value) => {
      await save(p, field, value);
      setPeople((all) => all.map((x) => (x.id === p.id ? { ...x, [field]: value } : x)));
    },
  });
  const columns: RecordColumn<Person>[] = [
    { field: 'name', cell: (p) => p.name, primary: true },
    { field: 'email', cell: (p) => p.email, edit: editable('email') },
    { field: 'title', cell: (p) => p.title, edit: editable('title') },
  ];
  const rows: RecordWindow<Person> = memoryWindow(people);
  return (
    <>
      <CommandHost commands={[...SHELL_COMMANDS, ...LIST_COMMANDS]} />
      <CheatSheet />
      <RecordTable
        section="contacts"
        label="Contacts"
        fields={tableFields(t, 'contacts')}
        columns={columns}
        rows={rows}
        view={state}
        onViewChange={setState}
        selection={selection}
        onSelectionChange={setSelection}
        openId={null}
        onOpen={() => {}}
        rowName={(p) => p.name}
        empty={null}
      />
    </>
  );
}

async function setup(save = vi.fn((_p: Person, _field: string, _value: string) => Promise.resolve())) {
  await renderWithI18n(<Harness save={save} />);
  const grid = screen.getByRole('grid', { name: 'Contacts' });
  const rows = within(grid).getAllByRole('row').slice(1);
  return { save, rows, user: setupUser() };
}

giveGridsAScreenHeight();
afterEach(() => useCommands.setState({ overrides: {}, cheatSheetOpen: false }));

describe('editing a row in place from the keyboard', () => {
  it('edits the focused row’s first editable cell on F2, saves on Enter and gives the row its focus back', async () => {
    const { rows, save, user } = await setup();
    rows[0]!.focus();
    await user.keyboard('{F2}');
    const field = screen.getByRole('textbox', { name: 'Edit Email' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.keyboard('ana@acme.example{Enter}');
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ id: 'p0' }), 'email', 'ana@acme.example');
    expect(screen.queryByRole('textbox', { name: 'Edit Email' })).not.toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('ana@acme.example');
    expect(rows[0]).toHaveFocus();
  });

  it('moves to the next editable cell on Tab and back on Shift+Tab, saving each, with E as well as F2', async () => {
    const { rows, save, user } = await setup();
    rows[0]!.focus();
    await user.keyboard('e');
    await user.keyboard('{Tab}');
    const title = screen.getByRole('textbox', { name: 'Edit Job title' });
    expect(title).toHaveFocus();
    await user.clear(title);
    await user.keyboard('Head of buying{Shift>}{Tab}{/Shift}');
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ id: 'p0' }), 'title', 'Head of buying');
    expect(screen.getByRole('textbox', { name: 'Edit Email' })).toHaveFocus();
    // Tab past the last editable cell ends the edit on the row.
    await user.keyboard('{Tab}{Tab}');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(rows[0]).toHaveFocus();
  });

  it('gives up on Escape: nothing is saved, the value is as it was and the row has focus', async () => {
    const { rows, save, user } = await setup();
    rows[0]!.focus();
    await user.keyboard('{F2}');
    await user.keyboard('{Control>}a{/Control}someone@else.example');
    expect(screen.getByRole('textbox', { name: 'Edit Email' })).toHaveValue('someone@else.example');
    await user.keyboard('{Escape}');
    expect(save).not.toHaveBeenCalled();
    expect(rows[0]).toHaveTextContent('ana@example.com');
    expect(rows[0]).toHaveFocus();
  });

  it('keeps a refused value in the field with the reason, and the field keeps focus', async () => {
    const save = vi.fn(() => Promise.reject(new Error('Enter a valid email address.')));
    const { rows, user } = await setup(save);
    rows[0]!.focus();
    await user.keyboard('{F2}{Control>}a{/Control}not an email{Enter}');
    const field = screen.getByRole('textbox', { name: 'Edit Email' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: Enter a valid email address.');
    expect(field).toHaveValue('not an email');
    expect(field).toHaveAccessibleDescription('Not saved: Enter a valid email address.');
    expect(field).toHaveFocus();
    await user.keyboard('{Tab}');
    expect(field).toHaveValue('not an email');
    expect(screen.queryByRole('textbox', { name: 'Edit Job title' })).not.toBeInTheDocument();
  });

  it('offers no edit on a row whose rules keep its fields as they are', async () => {
    const { rows, user } = await setup();
    rows[1]!.focus();
    await user.keyboard('{F2}e');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(rows[1]!).queryByRole('button', { name: 'Edit Email' })).not.toBeInTheDocument();
  });

  it('follows a key the user chose instead, and lists the command in the cheat sheet', async () => {
    useCommands.setState({ overrides: { 'list.editCell': ['F4'] } });
    const { rows, user } = await setup();
    rows[0]!.focus();
    await user.keyboard('{F2}');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await user.keyboard('{F4}');
    expect(screen.getByRole('textbox', { name: 'Edit Email' })).toHaveFocus();
    await user.keyboard('{Escape}?');
    const sheet = await screen.findByRole('dialog');
    expect(within(sheet).getByRole('row', { name: /Edit the row in place/ })).toHaveTextContent('F4');
  });
});
