import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { insertRecord } from '../../../renderer/db/record-writes';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { CompanyDrawer } from '../../../renderer/features/companies/CompanyDrawer';
import { callBody, dealBody } from '../../support/record-bodies';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

describe('a company’s related lists', () => {
  it('count its deals, show the newest first, and show all of them on request', async () => {
    workspace = await openTestWorkspace(['companies', 'contacts', 'deals', 'activities', 'users', 'leads']);
    const ws = workspace;
    const company = await insertRecord(ws, 'companies', {
      name: 'Andes Logistics',
      domain: '',
      industry: '',
      size: '',
      phone: '',
      website: '',
      address: {},
      tags: [],
      notes: '',
      ownerId: ws.user.id,
      teamId: ws.user.teamId,
    });
    for (let n = 1; n <= 7; n++) {
      await insertRecord(ws, 'deals', dealBody({ title: `Deal ${n}`, companyId: company.id }));
      await new Promise((r) => setTimeout(r, 2));
    }
    await insertRecord(
      ws,
      'activities',
      callBody('', { subject: 'Intro call', companyId: company.id, dueAt: '2026-11-20T15:00:00.000Z' }),
    );
    await renderWithI18n(
      <WorkspaceProvider workspace={ws}>
        <CompanyDrawer id={company.id} />
      </WorkspaceProvider>,
    );
    const deals = await screen.findByRole('region', { name: 'Deals' });
    await within(deals).findByText('(7)');
    const titles = () =>
      within(deals)
        .getAllByRole('button', { name: /^Deal \d/ })
        .map((b) => b.textContent);
    expect(titles()).toEqual(['Deal 7Open', 'Deal 6Open', 'Deal 5Open', 'Deal 4Open', 'Deal 3Open']);
    await setupUser().click(within(deals).getByRole('button', { name: 'Show all (7)' }));
    expect(titles()).toHaveLength(7);
    const activities = screen.getByRole('region', { name: 'Activities' });
    expect(await within(activities).findByText('Intro call')).toBeInTheDocument();
  });
});
