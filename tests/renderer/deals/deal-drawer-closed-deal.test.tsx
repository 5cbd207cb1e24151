import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@domain/collections';
import type { Deal } from '@domain/schemas/deal';
import { CommandHost } from '../../../renderer/commands/CommandHost';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { DrawerHost } from '../../../renderer/shell/DrawerHost';
import { SHELL_COMMANDS } from '../../../renderer/shell/shell-commands';
import { useUi } from '../../../renderer/shell/ui-store';
import { makeDeal, salesPipeline, testId } from '../../unit/domain/fixtures';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

let workspace: Awaited<ReturnType<typeof openTestWorkspace>> | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

/** The shell's drawer, opened on a stored deal. */
async function openDeal(overrides: Partial<Deal>) {
  workspace = await openTestWorkspace([...COLLECTION_NAMES]);
  await workspace.db.pipelines.insert(salesPipeline());
  await workspace.db.pipelines.insert({ ...salesPipeline(), id: testId(0x9e), name: 'Renewals' });
  const deal = makeDeal({ lines: [], ...overrides });
  await workspace.db.deals.insert(deal);
  await renderWithI18n(
    <WorkspaceProvider workspace={workspace}>
      <CommandHost commands={SHELL_COMMANDS} />
      <DrawerHost />
    </WorkspaceProvider>,
  );
  act(() => useUi.getState().openDrawer({ collection: 'deals', id: deal.id }));
  // The first live query of a fresh store can take seconds on a loaded machine: wait that long.
  const drawer = await screen.findByRole('dialog', { name: deal.title }, { timeout: 5000 });
  return { drawer, user: setupUser() };
}

describe('the deal drawer on a closed deal', () => {
  it('shows a won deal’s probability as its status sets it, read-only, and says how to change it', async () => {
    const { drawer, user } = await openDeal({ status: 'WON', closedAt: '2026-03-02T15:00:00.000Z', probability: 40 });
    const probability = within(drawer).getByRole('textbox', { name: 'Probability (%)' });
    expect(probability).toHaveAttribute('readonly');
    expect(probability).toHaveValue('100');
    expect(probability).toHaveAccessibleDescription('A won deal’s probability is 100%. Reopen the deal to change it.');
    await user.type(probability, '7');
    expect(probability).toHaveValue('100');
  });

  it('shows a lost deal’s probability as 0%, read-only', async () => {
    const { drawer } = await openDeal({
      status: 'LOST',
      closedAt: '2026-03-02T15:00:00.000Z',
      lostReason: 'Budget cut',
      probability: 40,
    });
    const probability = within(drawer).getByRole('textbox', { name: 'Probability (%)' });
    expect(probability).toHaveAttribute('readonly');
    expect(probability).toHaveValue('0');
    expect(probability).toHaveAccessibleDescription('A lost deal’s probability is 0%. Reopen the deal to change it.');
  });

  it('keeps a closed deal in the pipeline it closed in: no other pipeline can be picked until it is reopened', async () => {
    const { drawer } = await openDeal({ status: 'WON', closedAt: '2026-03-02T15:00:00.000Z' });
    const pipeline = within(drawer).getByRole('combobox', { name: 'Pipeline' });
    expect(within(pipeline).getByRole('option', { name: 'Renewals' })).toBeDisabled();
  });

  it('lets an open deal move to another pipeline', async () => {
    const { drawer } = await openDeal({});
    const pipeline = within(drawer).getByRole('combobox', { name: 'Pipeline' });
    expect(within(pipeline).getByRole('option', { name: 'Renewals' })).toBeEnabled();
  });

  it('still takes a typed probability on an open deal', async () => {
    const { drawer, user } = await openDeal({ probability: null });
    const probability = within(drawer).getByRole('textbox', { name: 'Probability (%)' });
    expect(probability).not.toHaveAttribute('readonly');
    await user.type(probability, '35');
    expect(probability).toHaveValue('35');
  });
});
