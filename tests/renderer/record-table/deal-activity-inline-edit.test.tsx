import { giveGridsAScreenHeight, memoryWindow } from '../support/record-table-support';
import { screen, waitFor, within } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ViewState } from '@domain/record-views/view-state';
import type { Activity } from '@domain/schemas/activity';
import type { Deal } from '@domain/schemas/deal';
import { CommandHost } from '../../../renderer/commands/CommandHost';
import { useRxQuery } from '../../../renderer/db/use-rx';
import type { RecordWindow } from '../../../renderer/db/use-record-window';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { useActivityInlineEdits } from '../../../renderer/features/activities/activity-inline-edits';
import { useDealInlineEdits } from '../../../renderer/features/deals/deal-inline-edits';
import { LIST_COMMANDS } from '../../../renderer/ui/list-commands';
import type { RecordColumn } from '../../../renderer/ui/record-table/record-column';
import { NO_SELECTION } from '../../../renderer/ui/record-table/record-selection';
import { RecordTable } from '../../../renderer/ui/record-table/RecordTable';
import { tableFields, type TableSection } from '../../../renderer/ui/record-table/table-field';
import { makeActivity, makeDeal, salesPipeline } from '../../unit/domain/fixtures';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

/** The stored records of a collection as the table's rows, kept up to date by a live query. */
function Table<T extends { id: string }>({
  section,
  docs,
  columns,
}: {
  section: TableSection;
  docs: T[];
  columns: RecordColumn<T>[];
}): ReactNode {
  const { t } = useTranslation();
  const [view, setView] = useState<ViewState>({
    filters: [],
    sort: [],
    columns: columns.map((c) => ({ field: c.field, width: 160 })),
    density: 'comfortable',
  });
  const rows: RecordWindow<T> = memoryWindow(docs);
  return (
    <RecordTable
      section={section}
      label="Records"
      fields={tableFields(t, section)}
      columns={columns}
      rows={rows}
      view={view}
      onViewChange={setView}
      selection={NO_SELECTION}
      onSelectionChange={() => {}}
      openId={null}
      onOpen={() => {}}
      rowName={() => 'record'}
      empty={null}
    />
  );
}

function DealTable() {
  const edit = useDealInlineEdits();
  const { docs } = useRxQuery('deals', { selector: { deletedAt: null } });
  return (
    <Table<Deal>
      section="deals"
      docs={docs}
      columns={[
        { field: 'title', cell: (d) => d.title, edit: edit('title') },
        { field: 'value', cell: (d) => `${d.value.amount} ${d.value.currency}`, edit: edit('value') },
        { field: 'probability', cell: (d) => String(d.probability ?? ''), edit: edit('probability') },
        { field: 'expectedCloseDate', cell: (d) => d.expectedCloseDate, edit: edit('expectedCloseDate') },
      ]}
    />
  );
}

function ActivityTable() {
  const edit = useActivityInlineEdits();
  const { docs } = useRxQuery('activities', { selector: { deletedAt: null } });
  return (
    <Table<Activity>
      section="activities"
      docs={docs}
      columns={[
        { field: 'subject', cell: (a) => a.subject, edit: edit('subject') },
        { field: 'dueAt', cell: (a) => a.dueAt, edit: edit('dueAt') },
        { field: 'completedAt', cell: (a) => a.completedAt ?? 'open', edit: edit('completedAt') },
      ]}
    />
  );
}

async function show(table: ReactNode, seed: (ws: TestWorkspace) => Promise<unknown>) {
  workspace = await openTestWorkspace(['deals', 'pipelines', 'activities', 'users']);
  await seed(workspace);
  await renderWithI18n(
    <WorkspaceProvider workspace={workspace}>
      <CommandHost commands={LIST_COMMANDS} />
      {table}
    </WorkspaceProvider>,
  );
  // The first live query of a fresh store can take seconds on a loaded machine: wait that long.
  const grid = await screen.findByRole('grid', { name: 'Records' }, { timeout: 5000 });
  const row = within(grid).getAllByRole('row')[1]!;
  return { ws: workspace, row, user: setupUser() };
}

const seedDeal = (overrides: Partial<Deal>) => async (ws: TestWorkspace) => {
  await ws.db.pipelines.insert(salesPipeline());
  await ws.db.deals.insert(makeDeal({ lines: [], ...overrides }));
};
const storedDeal = async (ws: TestWorkspace) => (await ws.db.deals.findOne().exec())!.toJSON() as Deal;
const storedActivity = async (ws: TestWorkspace) => (await ws.db.activities.findOne().exec())!.toJSON() as Activity;

giveGridsAScreenHeight();

describe('deals edited in place', () => {
  it('saves a value with its currency in that currency’s own decimals, from the keyboard alone', async () => {
    const { ws, row, user } = await show(<DealTable />, seedDeal({}));
    row.focus();
    await user.keyboard('{F2}');
    expect(screen.getByRole('textbox', { name: 'Edit Deal name' })).toHaveFocus();
    await user.keyboard('{Tab}');
    expect(screen.getByRole('textbox', { name: 'Edit Value' })).toHaveValue('45000.00');
    await user.keyboard('{Control>}a{/Control}150000{Tab}');
    const currency = screen.getByRole('combobox', { name: 'Currency of Value' });
    expect(currency).toHaveFocus();
    await user.selectOptions(currency, 'JPY');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await storedDeal(ws)).value).toEqual({ amount: 150_000, currency: 'JPY' }));
    expect(row).toHaveFocus();
  });

  it('refuses what the drawer refuses, with its message, and keeps what was typed', async () => {
    const { ws, row, user } = await show(<DealTable />, seedDeal({}));
    row.focus();
    await user.keyboard('{F2}{Tab}{Tab}{Tab}');
    const probability = screen.getByRole('textbox', { name: 'Edit Probability (%)' });
    expect(probability).toHaveFocus();
    await user.keyboard('140{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a whole number from 0 to 100.');
    expect(probability).toHaveValue('140');
    await user.keyboard('{Escape}');
    await user.keyboard('{F2}{Control>}a{/Control}   {Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Deal name is required.');
    expect((await storedDeal(ws)).title).toBe('Summit Foods — Annual subscription');
  });

  it('offers no probability on a won deal, whose status decides it, but still its other fields', async () => {
    const { row, user } = await show(
      <DealTable />,
      seedDeal({ status: 'WON', closedAt: '2026-03-02T15:00:00.000Z', probability: 40 }),
    );
    row.focus();
    await user.keyboard('{F2}{Tab}{Tab}');
    // From the value's currency, Tab skips the probability for the close date.
    await user.keyboard('{Tab}');
    expect(screen.getByLabelText('Edit Expected close date')).toHaveFocus();
    expect(within(row).queryByRole('button', { name: 'Edit Probability (%)' })).not.toBeInTheDocument();
  });
});

describe('activities edited in place', () => {
  it('marks an activity done, stamping when, and refuses a blank subject with the server’s rule', async () => {
    const { ws, row, user } = await show(<ActivityTable />, async (w) =>
      w.db.activities.insert(makeActivity({ completedAt: null })),
    );
    row.focus();
    await user.keyboard('{F2}{Control>}a{/Control}  {Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Give the activity a subject.');
    expect(screen.getByRole('textbox', { name: 'Edit Subject' })).toHaveValue('  ');
    await user.keyboard('{Escape}{F2}{Tab}{Tab}');
    const done = screen.getByRole('combobox', { name: 'Edit Completed' });
    expect(done).toHaveFocus();
    await user.selectOptions(done, 'Done');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await storedActivity(ws)).completedAt).not.toBeNull());
    expect((await storedActivity(ws)).subject).toBe('Discovery call');
  });
});
