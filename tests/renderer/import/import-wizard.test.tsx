import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readPreferences } from '../../../renderer/db/device-preferences';
import { insertRecord } from '../../../renderer/db/record-writes';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { ImportWizard } from '../../../renderer/features/import/ImportWizard';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

const FILE = [
  'Given,Surname,E-mail,Company',
  'Eva,Lind,eva@initech.com,Initech',
  'Max,Ruiz,not-an-email,Initech',
  'Ida,Moreno,ida@initech.com,Initech',
].join('\n');

async function openWizard() {
  workspace ??= await openTestWorkspace(['contacts', 'companies', 'leads']);
  const view = await renderWithI18n(
    <WorkspaceProvider workspace={workspace}>
      <ImportWizard onClose={() => {}} />
    </WorkspaceProvider>,
  );
  return { user: setupUser(), ws: workspace, ...view };
}

const liveContacts = async (ws: TestWorkspace) =>
  (await ws.db.contacts.find({ selector: { deletedAt: null } }).exec()).map((d) => d.toJSON());

describe('the CSV import wizard', () => {
  it('walks from file to report: mapping, preview with the bad row, options, import, then one Undo removes it all', async () => {
    const { user, ws, unmount } = await openWizard();
    await user.upload(screen.getByLabelText('CSV file'), new File([FILE], 'people.csv', { type: 'text/csv' }));
    expect(await screen.findByText('people.csv: 3 rows, 4 columns')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // "Given" and "Surname" are no header the import knows: the person maps them by hand.
    expect(screen.getByRole('combobox', { name: 'Field for E-mail' })).toHaveValue('email');
    expect(screen.getByRole('combobox', { name: 'Field for Company' })).toHaveValue('company');
    expect(screen.getByRole('combobox', { name: 'Field for Given' })).toHaveValue('');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Field for Given' }), 'First name');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Field for Surname' }), 'Last name');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    const preview = await screen.findByRole('table');
    const line3 = await within(preview).findByRole('row', { name: /^3 Max/ });
    expect(line3).toHaveTextContent('Email: is not a valid email');
    expect(within(preview).getByRole('row', { name: /^2 Eva/ })).toHaveTextContent('Ready');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(screen.getByRole('radio', { name: 'Skip them' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Create the companies that are not found' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Import 3 rows' }));

    expect(await screen.findByText('Imported: 2')).toBeInTheDocument();
    expect(screen.getByText('Rejected: 1')).toBeInTheDocument();
    expect(screen.getByText('Companies created: 1')).toBeInTheDocument();
    const rejected = screen.getByRole('table', { name: 'Rejected rows' });
    expect(within(rejected).getByRole('row', { name: /^3/ })).toHaveTextContent('Email: is not a valid email');
    const contacts = await liveContacts(ws);
    expect(contacts.map((c) => c.firstName).sort()).toEqual(['Eva', 'Ida']);
    const [initech] = (await ws.db.companies.find().exec()).map((d) => d.toJSON());
    expect(initech).toMatchObject({ name: 'Initech', deletedAt: null });
    expect(contacts.every((c) => c.companyId === initech!.id && c.ownerId === ws.user.id)).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Undo import' }));
    expect(await screen.findByText('The import was undone.')).toBeInTheDocument();
    expect(await liveContacts(ws)).toEqual([]);
    expect((await ws.db.companies.findOne(initech!.id).exec())?.deletedAt).not.toBeNull();
    unmount();
  });

  it('remembers the columns chosen for a record type and starts the next file of that type from them', async () => {
    const first = await openWizard();
    await first.user.upload(screen.getByLabelText('CSV file'), new File([FILE], 'a.csv'));
    await first.user.click(await screen.findByRole('button', { name: 'Next' }));
    await first.user.selectOptions(screen.getByRole('combobox', { name: 'Field for Given' }), 'First name');
    await first.user.selectOptions(screen.getByRole('combobox', { name: 'Field for Company' }), 'Do not import');
    await first.user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('table');
    expect((await readPreferences(first.ws.db)).importMappings.contacts).toMatchObject({
      given: 'firstName',
      company: null,
    });
    first.unmount();

    const second = await openWizard();
    await second.user.upload(screen.getByLabelText('CSV file'), new File(['Company,Given\nAcme,Bo\n'], 'b.csv'));
    await second.user.click(await screen.findByRole('button', { name: 'Next' }));
    expect(screen.getByRole('combobox', { name: 'Field for Given' })).toHaveValue('firstName');
    expect(screen.getByRole('combobox', { name: 'Field for Company' })).toHaveValue('');
  });

  it('updates the record a row repeats when asked to, and Undo import puts back what it had', async () => {
    workspace = await openTestWorkspace(['contacts', 'companies', 'leads']);
    const ws = workspace;
    const eva = await insertRecord(ws, 'contacts', {
      ownerId: ws.user.id,
      teamId: ws.user.teamId,
      firstName: 'Eva',
      lastName: 'Lind',
      email: 'eva@initech.com',
      phone: '',
      mobile: '',
      title: 'CTO',
      companyId: '',
      address: {},
      source: '',
      tags: [],
      notes: 'Met at the fair',
    });
    const { user } = await openWizard();
    const file = 'First Name,Email,Job Title,Notes\nEva,EVA@initech.com,VP Engineering,\nBo,bo@initech.com,Buyer,\n';
    await user.upload(screen.getByLabelText('CSV file'), new File([file], 'update.csv'));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('row', { name: /^2 Eva/ });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('radio', { name: 'Update the existing record' }));
    await user.click(screen.getByRole('button', { name: 'Import 2 rows' }));

    expect(await screen.findByText('Updated: 1')).toBeInTheDocument();
    expect(screen.getByText('Imported: 1')).toBeInTheDocument();
    const updated = (await ws.db.contacts.findOne(eva.id).exec())!.toJSON();
    // The file's empty Notes cell leaves the notes alone.
    expect(updated).toMatchObject({ title: 'VP Engineering', notes: 'Met at the fair', deletedAt: null });

    await user.click(screen.getByRole('button', { name: 'Undo import' }));
    await screen.findByText('The import was undone.');
    expect((await ws.db.contacts.findOne(eva.id).exec())!.toJSON()).toMatchObject({
      title: 'CTO',
      email: 'eva@initech.com',
      deletedAt: null,
    });
    expect((await liveContacts(ws)).map((c) => c.firstName)).toEqual(['Eva']);
  });
});
