import { act, cleanup, render, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../renderer/db/sync/sync-engine';
import { SyncValueProvider } from '../../../renderer/db/sync/sync-value';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { CommandPalette } from '../../../renderer/palette/CommandPalette';
import { paletteSearchFor } from '../../../renderer/search/palette-search';
import { makeContact, testId } from '../../unit/domain/fixtures';
import { openTestWorkspace } from '../support/open-test-workspace';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  cleanup();
  await workspace?.close();
  workspace = undefined;
});

beforeAll(() => {
  // jsdom has no idle callbacks: the page's idle time comes at once.
  window.requestIdleCallback ??= ((run: IdleRequestCallback) =>
    window.setTimeout(() => run({ didTimeout: false, timeRemaining: () => 50 }), 0)) as typeof requestIdleCallback;
  window.cancelIdleCallback ??= ((handle: number) => window.clearTimeout(handle)) as typeof cancelIdleCallback;
});

const status = (longSync: boolean): SyncStatus => ({
  state: 'online',
  pending: 0,
  lastSyncedAt: '2026-12-07T10:00:00.000Z',
  progress: longSync
    ? {
        phase: 'pulling',
        fraction: 0.1,
        collections: [{ collection: 'contacts', received: 10_000, total: 100_000, done: false }],
        secondsLeft: 120,
      }
    : null,
  lastError: null,
});

let setStatus: (status: SyncStatus) => void = () => {};
function WithSync({ initial }: { initial: SyncStatus }) {
  const [current, set] = useState(initial);
  setStatus = set;
  return (
    <SyncValueProvider value={{ engine: null, status: current, serverUrl: null }}>
      <CommandPalette />
    </SyncValueProvider>
  );
}

describe('the command palette’s index during a first sync', () => {
  it('is not built while a long sync brings the records, and is built once it ends', async () => {
    workspace = await openTestWorkspace(['contacts']);
    await workspace.db.contacts.insert(makeContact({ id: testId(0xc1), firstName: 'Ana', lastName: 'Ruiz' }));
    render(
      <WorkspaceProvider workspace={workspace}>
        <WithSync initial={status(true)} />
      </WorkspaceProvider>,
    );
    const search = paletteSearchFor(workspace.db);
    // Idle time comes and goes: nothing is read or indexed while the sync runs.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(search.status).toBe('idle');

    act(() => setStatus(status(false)));
    await waitFor(() => expect(search.status).toBe('ready'));
  });

  it('is built in the page’s idle time when no long sync runs', async () => {
    workspace = await openTestWorkspace(['contacts']);
    render(
      <WorkspaceProvider workspace={workspace}>
        <WithSync initial={status(false)} />
      </WorkspaceProvider>,
    );
    await waitFor(() => expect(paletteSearchFor(workspace!.db).status).toBe('ready'));
  });
});
