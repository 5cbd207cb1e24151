import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { savedViewBody } from '@domain/record-views/saved-view-rules';
import { useCommands } from '../../../renderer/commands/command-store';
import { commandTitle } from '../../../renderer/commands/command-title';
import { runCommand } from '../../../renderer/commands/run-command';
import { insertRecord, updateRecord } from '../../../renderer/db/record-writes';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { viewsManifest } from '../../../renderer/features/views';
import { useUi } from '../../../renderer/shell/ui-store';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

const state = DEFAULT_VIEWS.leads[0].state;

describe('saved views in the command palette', () => {
  it('lists the user’s own and team-shared views as “Open view: …”, renamed as they are renamed', async () => {
    workspace = await openTestWorkspace(['saved_views']);
    const ws = workspace;
    const Overlay = viewsManifest.overlays![0]!;
    const { i18n } = await renderWithI18n(
      <WorkspaceProvider workspace={ws}>
        <Overlay />
      </WorkspaceProvider>,
    );
    const mine = await insertRecord(
      ws,
      'saved_views',
      savedViewBody(state, { userId: ws.user.id, section: 'leads', name: 'Hot leads', position: 0 }),
    );
    await insertRecord(
      ws,
      'saved_views',
      savedViewBody(state, {
        userId: 'someone-else',
        section: 'deals',
        name: 'Team pipeline',
        position: 0,
        sharedWithTeamId: ws.user.teamId,
      }),
    );
    await insertRecord(
      ws,
      'saved_views',
      savedViewBody(state, { userId: 'someone-else', section: 'deals', name: 'Private to a colleague', position: 1 }),
    );
    const titles = () =>
      Object.values(useCommands.getState().dataCommands)
        .flat()
        .map((c) => commandTitle(i18n.t, c));
    await waitFor(() => expect(titles()).toEqual(['Open view: Team pipeline', 'Open view: Hot leads'].sort()), {
      timeout: 5000,
    });

    await updateRecord(ws, 'saved_views', mine.id, { name: 'Warm leads' });
    await waitFor(() => expect(titles()).toContain('Open view: Warm leads'), { timeout: 5000 });

    const command = Object.values(useCommands.getState().dataCommands)
      .flat()
      .find((c) => commandTitle(i18n.t, c) === 'Open view: Warm leads')!;
    runCommand(command.id, Object.values(useCommands.getState().dataCommands).flat(), null);
    expect(useUi.getState().section).toBe('leads');
  });
});
