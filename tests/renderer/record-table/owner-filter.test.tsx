import { screen, waitFor } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VIEW_TOKENS, type ViewFilter } from '@domain/record-views/view-state';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { FilterBar } from '../../../renderer/ui/record-table/FilterBar';
import { tableFields } from '../../../renderer/ui/record-table/table-field';
import { sampleRecords, testId } from '../../unit/domain/fixtures';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

const BEA = testId(0xbea);

function LeadFilters({ filters, onChange }: { filters: ViewFilter[]; onChange: (f: ViewFilter[]) => void }) {
  const { t } = useTranslation();
  return <FilterBar fields={tableFields(t, 'leads')} filters={filters} onChange={onChange} />;
}

async function show(filters: ViewFilter[], onChange: (f: ViewFilter[]) => void = () => {}) {
  workspace = await openTestWorkspace(['users']);
  const profile = sampleRecords().users;
  await workspace.db.users.insert({ ...profile, id: BEA, name: 'Bea Ortiz', email: 'bea@example.com' });
  await renderWithI18n(
    <WorkspaceProvider workspace={workspace}>
      <LeadFilters filters={filters} onChange={onChange} />
    </WorkspaceProvider>,
  );
  return setupUser();
}

describe('an owner filter', () => {
  it('offers any person on this device besides Me and My team, and filters by that person', async () => {
    const onChange = vi.fn();
    const user = await show([], onChange);
    await user.click(screen.getByRole('button', { name: 'Add filter' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Field' }), 'Owner');
    const value = screen.getByRole('combobox', { name: 'Value' });
    expect(value).toHaveValue(VIEW_TOKENS.me);
    // The first live query of a fresh store can take seconds on a loaded machine: wait that long.
    await screen.findByRole('option', { name: 'Bea Ortiz' }, { timeout: 5000 });
    await user.selectOptions(value, 'Bea Ortiz');
    await user.click(screen.getByRole('button', { name: 'Apply filter' }));
    expect(onChange).toHaveBeenCalledWith([{ field: 'owner', op: 'eq', value: JSON.stringify(BEA) }]);
  });

  it('names the person on its chip', async () => {
    await show([{ field: 'owner', op: 'eq', value: JSON.stringify(BEA) }]);
    await waitFor(
      () => expect(screen.getByRole('group', { name: 'Filters' })).toHaveTextContent('Owner is Bea Ortiz'),
      {
        timeout: 5000,
      },
    );
    expect(screen.getByRole('button', { name: 'Remove filter Owner is Bea Ortiz' })).toBeInTheDocument();
  });
});
