import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEWS, isDefaultViewKey } from '@domain/record-views/default-views';
import {
  checkViewName,
  mayShareViews,
  nextViewPosition,
  savedViewBody,
  viewStateDiffers,
  viewStateOf,
  viewsForReader,
} from '@domain/record-views/saved-view-rules';
import type { ViewState } from '@domain/record-views/view-state';
import { testId } from '../fixtures';

const ME = testId(0xa1);
const OTHER = testId(0xb2);
const TEAM = testId(0x7e);
const state: ViewState = {
  filters: [{ field: 'status', op: 'eq', value: '"NEW"' }],
  sort: [{ field: 'updatedAt', direction: 'desc' }],
  columns: [{ field: 'lastName', width: 200 }],
  density: 'compact',
};
const view = (
  id: number,
  userId: string,
  name: string,
  extra: Partial<{
    sharedWithTeamId: string;
    section: 'leads' | 'deals';
    position: number;
    deletedAt: string | null;
  }> = {},
) => ({
  id: testId(id),
  userId,
  name,
  section: 'leads' as const,
  sharedWithTeamId: '',
  position: 0,
  deletedAt: null,
  ...extra,
});

describe('who may share a view', () => {
  it('is the roles that lead a team: supervisor and sales manager', () => {
    expect(mayShareViews('SUPERVISOR')).toBe(true);
    expect(mayShareViews('SALES_MANAGER')).toBe(true);
    expect(mayShareViews('SDR')).toBe(false);
    expect(mayShareViews('ACCOUNT_EXECUTIVE')).toBe(false);
  });
});

describe('checkViewName', () => {
  const own = [
    view(1, ME, 'Hot leads'),
    view(2, ME, 'Old', { deletedAt: '2026-01-01T00:00:00.000Z' }),
    view(3, OTHER, 'Mine'),
  ];
  const owner = { userId: ME, section: 'leads' as const };

  it('stores the name trimmed', () => {
    expect(checkViewName('  Calls today ', own, owner)).toEqual({ ok: true, name: 'Calls today' });
  });

  it('refuses an empty name and one over 100 characters', () => {
    expect(checkViewName('   ', own, owner)).toEqual({ ok: false, problem: 'empty' });
    expect(checkViewName('x'.repeat(101), own, owner)).toEqual({ ok: false, problem: 'tooLong' });
    expect(checkViewName('x'.repeat(100), own, owner)).toEqual({ ok: true, name: 'x'.repeat(100) });
  });

  it('refuses a name the user already gave a view of the section, whatever its case', () => {
    expect(checkViewName('HOT LEADS', own, owner)).toEqual({ ok: false, problem: 'taken' });
  });

  it('allows a name used in another section, by someone else, by a deleted view, or by the view renamed', () => {
    expect(checkViewName('Hot leads', own, { userId: ME, section: 'deals' }).ok).toBe(true);
    expect(checkViewName('Mine', own, owner).ok).toBe(true);
    expect(checkViewName('old', own, owner).ok).toBe(true);
    expect(checkViewName('hot Leads', own, { ...owner, renaming: testId(1) })).toEqual({ ok: true, name: 'hot Leads' });
  });
});

describe('a saved view from a view state', () => {
  it('holds the state, private unless shared, and reads back as the same state', () => {
    const body = savedViewBody(state, { userId: ME, section: 'leads', name: 'New', position: 3 });
    expect(body).toEqual({ userId: ME, sharedWithTeamId: '', section: 'leads', name: 'New', position: 3, ...state });
    expect(viewStateOf(body)).toEqual(state);
    expect(viewStateDiffers(viewStateOf(body), state)).toBe(false);
  });

  it('counts any change of filter, sort, column width or density as a difference', () => {
    expect(viewStateDiffers(state, { ...state, density: 'comfortable' })).toBe(true);
    expect(viewStateDiffers(state, { ...state, columns: [{ field: 'lastName', width: 240 }] })).toBe(true);
    expect(viewStateDiffers(state, { ...state, sort: [] })).toBe(true);
  });

  it('goes after the user’s other views', () => {
    expect(nextViewPosition([])).toBe(0);
    expect(nextViewPosition([{ position: 4 }, { position: 1 }])).toBe(5);
  });
});

describe('viewsForReader', () => {
  it('lists the reader’s own views and those shared with their team, not a colleague’s private ones', () => {
    const views = [
      view(1, ME, 'B', { position: 1 }),
      view(2, ME, 'A', { position: 0 }),
      view(3, OTHER, 'Team view', { sharedWithTeamId: TEAM }),
      view(4, OTHER, 'Private'),
      view(5, ME, 'Deals', { section: 'deals' }),
      view(6, OTHER, 'Other team', { sharedWithTeamId: testId(0x7f) }),
    ];
    const listed = viewsForReader(views, { id: ME, teamId: TEAM }, 'leads');
    expect(listed.mine.map((v) => v.name)).toEqual(['A', 'B']);
    expect(listed.shared.map((v) => v.name)).toEqual(['Team view']);
  });
});

describe('default views', () => {
  it('are valid saved view states, keyed `<section>.<name>`, for every list section', () => {
    for (const [section, views] of Object.entries(DEFAULT_VIEWS)) {
      expect(views.length).toBeGreaterThan(0);
      for (const v of views) {
        expect(v.section).toBe(section);
        expect(v.key).toMatch(new RegExp(`^${section}\\.[a-zA-Z]+$`));
        expect(isDefaultViewKey(v.key)).toBe(true);
        for (const f of v.state.filters) expect(() => JSON.parse(f.value) as unknown).not.toThrow();
      }
    }
    expect(isDefaultViewKey(testId(1))).toBe(false);
  });

  it('ship "My open leads" and "Deals closing this month" relative to the reader and the calendar', () => {
    const myOpen = DEFAULT_VIEWS.leads[1];
    expect(myOpen.state.filters).toEqual([
      { field: 'owner', op: 'eq', value: '"@me"' },
      { field: 'status', op: 'in', value: '["NEW","CONTACTED"]' },
    ]);
    const closing = DEFAULT_VIEWS.deals[2];
    expect(closing.state.filters[0]).toEqual({
      field: 'expectedCloseDate',
      op: 'between',
      value: '["@startOfMonth","@endOfMonth"]',
    });
  });
});
