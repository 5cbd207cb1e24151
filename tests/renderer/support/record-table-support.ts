import { afterAll, beforeAll } from 'vitest';
import type { RecordWindow } from '../../../renderer/db/use-record-window';

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
