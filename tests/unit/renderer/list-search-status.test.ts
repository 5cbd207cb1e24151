import { describe, expect, it } from 'vitest';
import { listSearchStatus } from '../../../renderer/features/record-list/list-search-status';

describe('the status beside a list’s search box', () => {
  it('counts the rows the filters let through, not every search match, when the view is filtered', () => {
    expect(listSearchStatus({ state: 'ready', matches: 1 }, true, 0)).toEqual({ state: 'ready', matches: 0 });
  });

  it('says nothing about matches until the filtered rows are counted', () => {
    expect(listSearchStatus({ state: 'ready', matches: 12 }, true, null)).toBeNull();
  });

  it('gives the search’s own count on an unfiltered view, and its progress or failure as they are', () => {
    expect(listSearchStatus({ state: 'ready', matches: 12 }, false, 30)).toEqual({ state: 'ready', matches: 12 });
    expect(listSearchStatus({ state: 'preparing' }, true, 5)).toEqual({ state: 'preparing' });
    expect(listSearchStatus({ state: 'failed' }, true, 5)).toEqual({ state: 'failed' });
    expect(listSearchStatus(null, true, 5)).toBeNull();
  });
});
