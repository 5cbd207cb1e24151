import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { savedViewBody } from '@domain/record-views/saved-view-rules';
import type { ViewSection, ViewState } from '@domain/record-views/view-state';
import type { Role } from '@domain/schemas/user-profile';
import { CommandHost } from '../../../renderer/commands/CommandHost';
import { commandTitle } from '../../../renderer/commands/command-title';
import { runCommand } from '../../../renderer/commands/run-command';
import { insertRecord } from '../../../renderer/db/record-writes';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { SavedViewsMenu } from '../../../renderer/features/views';
import { COMMANDS } from '../../../renderer/shell/commands-list';
import { Toasts } from '../../../renderer/shell/Toasts';
import { useUi } from '../../../renderer/shell/ui-store';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

/** What the record table would show: the view state it is given, and a way to change it. */
let shown: ViewState | null = null;
function TableStandIn({ section }: { section: ViewSection }) {
  const [view, setView] = useState<ViewState>({ filters: [], sort: [], columns: [], density: 'comfortable' });
  shown = view;
  return (
    <>
      <SavedViewsMenu section={section} view={view} onViewChange={setView} />
      <button
        type="button"
        onClick={() => setView({ ...view, density: view.density === 'compact' ? 'comfortable' : 'compact' })}
      >
        Toggle density
      </button>
    </>
  );
}

async function showMenu(section: ViewSection = 'leads', role: Role = 'SALES_MANAGER', existing?: TestWorkspace) {
  workspace = existing ?? (await openTestWorkspace(['saved_views']));
  workspace.user = { ...workspace.user, role };
  const view = await renderWithI18n(
    <WorkspaceProvider workspace={workspace}>
      <CommandHost commands={COMMANDS} />
      <TableStandIn section={section} />
      <Toasts />
    </WorkspaceProvider>,
  );
  return { user: setupUser(), ws: workspace, ...view };
}

// The first live query of a fresh store can take seconds on a loaded machine: wait that long.
const menuButton = (name: string | RegExp) => screen.findByRole('button', { name }, { timeout: 5000 });
const storedViews = async (ws: TestWorkspace) => (await ws.db.saved_views.find().exec()).map((d) => d.toJSON());

describe('the saved views menu', () => {
  it('opens a section on its first default view and shows the view it was given', async () => {
    await showMenu('leads');
    expect(await menuButton('View: All leads')).toBeInTheDocument();
    await waitFor(() => expect(shown).toEqual(DEFAULT_VIEWS.leads[0].state));
  });

  it('marks the view as changed, and saves the table as a new view under a name checked for the user', async () => {
    const { user, ws } = await showMenu('leads');
    await insertRecord(
      ws,
      'saved_views',
      savedViewBody(DEFAULT_VIEWS.leads[1].state, {
        userId: ws.user.id,
        section: 'leads',
        name: 'Hot leads',
        position: 0,
      }),
    );
    await menuButton('View: All leads');
    await user.click(screen.getByRole('button', { name: 'Toggle density' }));
    await user.click(await menuButton('View: All leads (changed, not saved)'));
    await user.click(screen.getByRole('button', { name: 'Save as new view…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Save as new view' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), '  hot LEADS ');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('You already have a view with this name here.');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Name' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), ' Compact leads ');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await menuButton('View: Compact leads')).toBeInTheDocument();
    const saved = (await storedViews(ws)).find((v) => v.name === 'Compact leads');
    expect(saved).toMatchObject({ userId: ws.user.id, sharedWithTeamId: '', section: 'leads', position: 1, ...shown });
  });

  it('puts the table back as the view has it when the open view is chosen again', async () => {
    const { user } = await showMenu('companies');
    await user.click(await menuButton('View: All companies'));
    await user.click(screen.getByRole('button', { name: 'All companies' }));
    await user.click(await screen.findByRole('button', { name: 'Toggle density' }));
    await user.click(await menuButton('View: All companies (changed, not saved)'));
    await user.click(screen.getByRole('button', { name: 'All companies' }));
    expect(await menuButton('View: All companies')).toBeInTheDocument();
    expect(shown).toEqual(DEFAULT_VIEWS.companies[0].state);
  });

  it('saves the table over the open view, clearing the dot, and renames it', async () => {
    const { user, ws } = await showMenu('leads', 'SDR');
    const { id } = await insertRecord(
      ws,
      'saved_views',
      savedViewBody(DEFAULT_VIEWS.leads[1].state, {
        userId: ws.user.id,
        section: 'leads',
        name: 'Hot leads',
        position: 0,
      }),
    );
    await user.click(await menuButton('View: All leads'));
    await user.click(await screen.findByRole('button', { name: 'Hot leads' }));
    await user.click(screen.getByRole('button', { name: 'Toggle density' }));
    await user.click(await menuButton('View: Hot leads (changed, not saved)'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await menuButton('View: Hot leads')).toBeInTheDocument();
    expect((await ws.db.saved_views.findOne(id).exec())?.density).toBe('compact');

    await user.click(await menuButton('View: Hot leads'));
    await user.click(screen.getByRole('button', { name: 'Rename…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename view' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Give the view a name.');
    await user.type(name, 'Warm leads');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await menuButton('View: Warm leads')).toBeInTheDocument();
  });

  it('lets a supervisor share a view with the team and stop sharing it, and offers sharing to no rep', async () => {
    const { user, ws, unmount } = await showMenu('deals', 'SUPERVISOR');
    const view = await insertRecord(
      ws,
      'saved_views',
      savedViewBody(DEFAULT_VIEWS.deals[0].state, {
        userId: ws.user.id,
        section: 'deals',
        name: 'Big deals',
        position: 0,
      }),
    );
    await user.click(await menuButton('View: All deals'));
    await user.click(await screen.findByRole('button', { name: 'Big deals' }));
    await user.click(await menuButton('View: Big deals'));
    await user.click(screen.getByRole('button', { name: 'Share with team' }));
    await waitFor(async () => expect((await storedViews(ws))[0]?.sharedWithTeamId).toBe(ws.user.teamId));
    expect(await screen.findByText('“Big deals” is now shared with your team.')).toBeInTheDocument();

    await user.click(await menuButton('View: Big deals'));
    await user.click(screen.getByRole('button', { name: 'Stop sharing' }));
    await waitFor(async () => expect((await storedViews(ws))[0]?.sharedWithTeamId).toBe(''));
    expect(view.id).toBe((await storedViews(ws))[0]?.id);

    unmount();
    const rep = await showMenu('deals', 'SDR', ws);
    await rep.user.click(await menuButton('View: Big deals'));
    expect(screen.getByRole('button', { name: 'Rename…' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Share with team' })).not.toBeInTheDocument();
  });

  it('lists views shared with the team apart from the user’s own, and never a colleague’s private one', async () => {
    const { user, ws } = await showMenu('leads', 'SDR');
    const colleague = '01900000-0000-7000-8000-0000000000c1';
    const body = (name: string, sharedWithTeamId: string) =>
      savedViewBody(DEFAULT_VIEWS.leads[0].state, {
        userId: colleague,
        section: 'leads',
        name,
        position: 0,
        sharedWithTeamId,
      });
    await insertRecord(ws, 'saved_views', body('Team queue', ws.user.teamId));
    await insertRecord(ws, 'saved_views', body('Colleague only', ''));
    await user.click(await menuButton('View: All leads'));
    const shared = await screen.findByRole('list', { name: 'Shared with my team' });
    expect(within(shared).getByRole('button', { name: 'Team queue' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Colleague only' })).not.toBeInTheDocument();
    // Not theirs: no rename, no delete.
    await user.click(within(shared).getByRole('button', { name: 'Team queue' }));
    await user.click(await menuButton('View: Team queue'));
    expect(screen.queryByRole('button', { name: 'Rename…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('deletes a view after asking, and Undo brings it back', async () => {
    const { user, ws } = await showMenu('leads');
    await insertRecord(
      ws,
      'saved_views',
      savedViewBody(DEFAULT_VIEWS.leads[1].state, {
        userId: ws.user.id,
        section: 'leads',
        name: 'Hot leads',
        position: 0,
      }),
    );
    await user.click(await menuButton('View: All leads'));
    await user.click(await screen.findByRole('button', { name: 'Hot leads' }));
    await user.click(await menuButton('View: Hot leads'));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the view “Hot leads”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await screen.findByText('View “Hot leads” deleted.');
    expect(await storedViews(ws)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await menuButton('View: Hot leads')).toBeInTheDocument();
    expect((await storedViews(ws)).map((v) => v.name)).toEqual(['Hot leads']);
  });

  it('remembers the view chosen last in a section on this device', async () => {
    const first = await showMenu('deals');
    await first.user.click(await menuButton('View: All deals'));
    await first.user.click(await screen.findByRole('button', { name: 'Deals closing this month' }));
    await menuButton('View: Deals closing this month');
    first.unmount();
    shown = null;
    await showMenu('deals', 'SALES_MANAGER', first.ws);
    expect(await menuButton('View: Deals closing this month')).toBeInTheDocument();
    await waitFor(() => expect(shown).toEqual(DEFAULT_VIEWS.deals[2].state));
  });

  it('opens a view from the palette’s “Open view” command, in its own section', async () => {
    const { i18n } = await showMenu('deals');
    await menuButton('View: All deals');
    // Found by the title the palette lists it under, in the user's language.
    const command = COMMANDS.find((c) => commandTitle(i18n.t, c) === 'Open view: Deals closing this month');
    expect(command).toBeDefined();
    runCommand(command!.id, COMMANDS, null);
    expect(useUi.getState().section).toBe('deals');
    expect(await menuButton('View: Deals closing this month')).toBeInTheDocument();
    await waitFor(() => expect(shown).toEqual(DEFAULT_VIEWS.deals[2].state));
  });
});
