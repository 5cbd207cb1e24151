import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import type { RecordWindow } from '../../../renderer/db/use-record-window';
import { openTestWorkspace } from './open-test-workspace';

/** A window over records held in memory: every row already read, the list counted. */
export function memoryWindow<T extends { id: string }>(rows: T[]): RecordWindow<T> {
  return {
    count: rows.length,
    length: rows.length,
    empty: rows.length === 0,
    rowAt: (i) => rows[i],
    setRange: () => {},
    search: null,
    version: 1,
    allIds: () => Promise.resolve(rows.map((r) => r.id)),
    loaded: rows,
  };
}

/**
 * jsdom lays nothing out: for the tests of this file, the grid is given a screen's height, so the
 * virtual list shows its rows.
 */
export function giveGridsAScreenHeight() {
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'grid' ? 600 : 0;
      },
    });
  });
  afterAll(() => {
    Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
  });
}

/**
 * For the tests of a record-table file: the grid given a screen's height, and a workspace per test
 * from the returned `open` (as openTestWorkspace), closed after the test with its mocks restored.
 */
export function recordTableWorkspaces(): typeof openTestWorkspace {
  let workspace: Awaited<ReturnType<typeof openTestWorkspace>> | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await workspace?.close();
    workspace = undefined;
  });
  giveGridsAScreenHeight();
  return async (...args) => (workspace = await openTestWorkspace(...args));
}
