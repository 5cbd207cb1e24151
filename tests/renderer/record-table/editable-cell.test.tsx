import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EditableCell } from '../../../renderer/ui/record-table/EditableCell';
import type { RecordColumn } from '../../../renderer/ui/record-table/record-column';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

interface Person {
  id: string;
  email: string;
}

function emailColumn(save: (p: Person, value: string) => Promise<void>): RecordColumn<Person> {
  return { field: 'email', cell: (p) => p.email, edit: { type: 'email', value: (p) => p.email, save } };
}

describe('editing a cell in place', () => {
  it('saves the new value on Enter and shows the cell again', async () => {
    const save = vi.fn(() => Promise.resolve());
    const person = { id: 'p1', email: 'ana@example.com' };
    await renderWithI18n(<EditableCell row={person} column={emailColumn(save)} label="Email" editLabel="Edit Email" />);
    const user = setupUser();
    await user.click(screen.getByRole('button', { name: 'Edit Email' }));
    const field = screen.getByRole('textbox', { name: 'Edit Email' });
    await user.clear(field);
    await user.type(field, 'ana@acme.example{Enter}');
    expect(save).toHaveBeenCalledWith(person, 'ana@acme.example');
    expect(screen.queryByRole('textbox', { name: 'Edit Email' })).not.toBeInTheDocument();
  });

  it('keeps a refused value in the field with the reason, and gives up on Escape', async () => {
    const save = vi.fn(() => Promise.reject(new Error('Enter a valid email address.')));
    await renderWithI18n(
      <EditableCell
        row={{ id: 'p1', email: 'ana@example.com' }}
        column={emailColumn(save)}
        label="Email"
        editLabel="Edit Email"
      />,
    );
    const user = setupUser();
    await user.click(screen.getByRole('button', { name: 'Edit Email' }));
    const field = screen.getByRole('textbox', { name: 'Edit Email' });
    await user.clear(field);
    await user.type(field, 'not an email{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: Enter a valid email address.');
    expect(field).toHaveValue('not an email');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Edit Email' })).not.toBeInTheDocument();
    expect(screen.getByText('ana@example.com')).toBeInTheDocument();
  });
});
