import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPipeline, defaultSettings } from '@domain/default-records';
import { insertRecord } from '../../../renderer/db/record-writes';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { ImportWizard } from '../../../renderer/features/import/ImportWizard';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';
import { dealBody } from '../../support/record-bodies';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

const PIPELINE = defaultPipeline();
const stageId = (name: string) => PIPELINE.stages.find((s) => s.name === name)!.id;

/** The default pipeline and settings, a contact to link by email, and one deal already on top of Qualified. */
async function seededWorkspace() {
  const ws = await openTestWorkspace([
    'contacts',
    'companies',
    'leads',
    'deals',
    'pipelines',
    'users',
    'settings',
    'stage_changes',
  ]);
  const { id, ...pipeline } = PIPELINE;
  await insertRecord(ws, 'pipelines', pipeline, id);
  for (const { id: settingId, ...setting } of defaultSettings()) await insertRecord(ws, 'settings', setting, settingId);
  const eva = await insertRecord(ws, 'contacts', {
    ownerId: ws.user.id,
    teamId: ws.user.teamId,
    firstName: 'Eva',
    lastName: 'Lind',
    email: 'eva@initech.com',
    phone: '',
    mobile: '',
    title: '',
    companyId: '',
    address: {},
    source: '',
    tags: [],
    notes: '',
  });
  const existing = await insertRecord(
    ws,
    'deals',
    dealBody({
      ownerId: ws.user.id,
      teamId: ws.user.teamId,
      title: 'Already here',
      stageId: stageId('Qualified'),
      stageEnteredAt: new Date().toISOString(),
      value: { amount: 0, currency: 'USD' },
      expectedCloseDate: '',
    }),
  );
  return { ws, eva, existing };
}

const FILE = [
  'Deal name,Value,Stage,Status,Lost reason,Contact email',
  'Initech expansion,"12,500.00",Qualified,Open,,eva@initech.com',
  'Initech pilot,900,Qualified,Open,,',
  'Initech audit,300,Closing,Open,,',
  'Initech legacy,"1,000",Demo,Lost,Price too high,',
].join('\n');

describe('importing deals with the CSV wizard', () => {
  it('puts the deals in their stages above the cards already there, writes no stage change, and Undo removes them', async () => {
    const { ws, eva, existing } = await seededWorkspace();
    workspace = ws;
    const user = setupUser();
    await renderWithI18n(
      <WorkspaceProvider workspace={ws}>
        <ImportWizard onClose={() => {}} />
      </WorkspaceProvider>,
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Import as' }), 'Deals');
    await user.upload(screen.getByLabelText('CSV file'), new File([FILE], 'deals.csv', { type: 'text/csv' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    expect(screen.getByRole('combobox', { name: 'Field for Stage' })).toHaveValue('stage');
    expect(screen.getByRole('combobox', { name: 'Field for Lost reason' })).toHaveValue('lostReason');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const preview = await screen.findByRole('table');
    expect(await within(preview).findByRole('row', { name: /^4 Initech audit/ })).toHaveTextContent(
      'Stage: no active stage named "Closing" in the pipeline',
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      screen.getByRole('group', {
        name: 'Rows whose deal name matches an existing deal of the same contact or company',
      }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import 4 rows' }));

    expect(await screen.findByText('Imported: 3')).toBeInTheDocument();
    expect(screen.getByText('Rejected: 1')).toBeInTheDocument();
    const live = async () =>
      (await ws.db.deals.find({ selector: { deletedAt: null }, sort: [{ rank: 'asc' }] }).exec()).map((d) =>
        d.toJSON(),
      );
    const deals = await live();
    const qualified = deals.filter((d) => d.stageId === stageId('Qualified')).map((d) => d.title);
    // File order, above the card that was on top.
    expect(qualified).toEqual(['Initech expansion', 'Initech pilot', 'Already here']);
    expect(deals.find((d) => d.title === 'Initech expansion')).toMatchObject({
      value: { amount: 1_250_000, currency: 'USD' },
      contactId: eva.id,
      ownerId: ws.user.id,
      status: 'OPEN',
    });
    expect(deals.find((d) => d.title === 'Initech legacy')).toMatchObject({
      stageId: stageId('Demo'),
      status: 'LOST',
      lostReason: 'price',
    });
    expect(await ws.db.stage_changes.count().exec()).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Undo import' }));
    expect(await screen.findByText('The import was undone.')).toBeInTheDocument();
    expect((await live()).map((d) => d.id)).toEqual([existing.id]);
    expect(await ws.db.stage_changes.count().exec()).toBe(0);
  });
});
