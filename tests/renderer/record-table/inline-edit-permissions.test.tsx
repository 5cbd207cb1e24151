import { giveGridsAScreenHeight } from '../support/record-table-support';
import { screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandHost } from '../../../renderer/commands/CommandHost';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { CompaniesPage } from '../../../renderer/features/companies/CompaniesPage';
import { ContactsPage } from '../../../renderer/features/contacts/ContactsPage';
import { LeadsPage } from '../../../renderer/features/leads/LeadsPage';
import { LIST_COMMANDS } from '../../../renderer/ui/list-commands';
import { makeCompany, makeContact, makeLead, testId, USER_B } from '../../unit/domain/fixtures';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

giveGridsAScreenHeight();

/**
 * The section's real page, read by an SDR: one record of their own and one owned by someone else
 * (USER_B), which domain/permissions lets an SDR see in these sections but not change.
 */
async function showAsSdr(page: ReactNode, tableName: string, seed: (ws: TestWorkspace) => Promise<unknown>) {
  workspace = await openTestWorkspace(['contacts', 'leads', 'companies', 'users', 'settings', 'saved_views'], 'SDR');
  await seed(workspace);
  await renderWithI18n(
    <WorkspaceProvider workspace={workspace}>
      <CommandHost commands={LIST_COMMANDS} />
      {page}
    </WorkspaceProvider>,
  );
  // The first live query of a fresh store can take seconds on a loaded machine: wait that long.
  const grid = await screen.findByRole('grid', { name: tableName }, { timeout: 5000 });
  await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(3), { timeout: 5000 });
  const rowOf = (text: string) =>
    within(grid)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes(text))!;
  return { rowOf, user: setupUser() };
}

describe('inline edit follows who may change the record', () => {
  it('offers no pencil and no F2 edit on a contact someone else owns, and still on the SDR’s own', async () => {
    const { rowOf, user } = await showAsSdr(<ContactsPage />, 'Contacts', async (w) => {
      await w.db.contacts.insert(makeContact({ ownerId: USER_B, lastName: 'Theirs', email: 'theirs@example.com' }));
      await w.db.contacts.insert(
        makeContact({ id: testId(0xc102), ownerId: w.user.id, lastName: 'Mine', email: 'mine@example.com' }),
      );
    });
    const theirs = rowOf('Theirs');
    expect(within(theirs).queryByRole('button', { name: 'Edit Email' })).not.toBeInTheDocument();
    theirs.focus();
    await user.keyboard('{F2}');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(theirs).toHaveFocus();

    const mine = rowOf('Mine');
    expect(within(mine).getByRole('button', { name: 'Edit Email' })).toBeInTheDocument();
    mine.focus();
    await user.keyboard('{F2}');
    expect(screen.getByRole('textbox', { name: 'Edit Email' })).toHaveFocus();
  });

  it('offers no edit on a lead someone else owns', async () => {
    const { rowOf, user } = await showAsSdr(<LeadsPage />, 'Leads', async (w) => {
      await w.db.leads.insert(makeLead({ ownerId: USER_B, companyName: 'Theirs Inc' }));
      await w.db.leads.insert(makeLead({ id: testId(0x1eae), ownerId: w.user.id, companyName: 'Mine Inc' }));
    });
    const theirs = rowOf('Theirs Inc');
    expect(within(theirs).queryByRole('button', { name: 'Edit Email' })).not.toBeInTheDocument();
    theirs.focus();
    await user.keyboard('{F2}');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(rowOf('Mine Inc')).getByRole('button', { name: 'Edit Email' })).toBeInTheDocument();
  });

  it('offers no edit on a teammate’s company, which an SDR sees but may not change', async () => {
    const { rowOf, user } = await showAsSdr(<CompaniesPage />, 'Companies', async (w) => {
      await w.db.companies.insert(makeCompany({ ownerId: USER_B, teamId: w.user.teamId, name: 'Theirs SA' }));
      await w.db.companies.insert(
        makeCompany({ id: testId(0xc002), ownerId: w.user.id, teamId: w.user.teamId, name: 'Mine SA' }),
      );
    });
    const theirs = rowOf('Theirs SA');
    expect(within(theirs).queryByRole('button', { name: 'Edit Industry' })).not.toBeInTheDocument();
    theirs.focus();
    await user.keyboard('{F2}');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(rowOf('Mine SA')).getByRole('button', { name: 'Edit Industry' })).toBeInTheDocument();
  });
});
