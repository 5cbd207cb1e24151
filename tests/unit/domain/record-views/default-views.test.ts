import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEWS } from '../../../../domain/record-views/default-views';
import { viewField } from '../../../../domain/record-views/view-fields';
import { viewQuery } from '../../../../domain/record-views/view-query';
import type { DefaultView } from '../../../../domain/record-views/view-state';

const reader = { id: 'user-1', teamId: 'team-1', teamMemberIds: ['user-1', 'user-2'] };
const shipped: DefaultView[] = Object.values(DEFAULT_VIEWS).flat();

describe('the views each section ships with', () => {
  it.each(shipped.map((v) => [v.key, v] as const))('%s reads every one of its filters', (_key, view) => {
    const query = viewQuery(view.section, view.state, reader, new Date('2026-12-07T10:00:00Z'));
    expect(query.ignored).toEqual([]);
    expect(query.sort.length).toBeGreaterThan(0);
  });

  it.each(shipped.map((v) => [v.key, v] as const))(
    '%s sorts only by indexed fields and shows only columns',
    (_key, view) => {
      for (const sort of view.state.sort)
        expect(viewField(view.section, sort.field)?.sortPath, sort.field).toBeTruthy();
      for (const column of view.state.columns)
        expect(viewField(view.section, column.field)?.column, column.field).toBe(true);
    },
  );

  it('opens each section on a view of all its records', () => {
    for (const views of Object.values(DEFAULT_VIEWS)) {
      expect(views[0].key.endsWith('.all')).toBe(true);
      expect(views[0].state.filters).toEqual([]);
    }
  });

  it('shows "My open leads" only the reader’s new and contacted leads', () => {
    const myOpen = DEFAULT_VIEWS.leads.find((v) => v.key === 'leads.myOpen')!;
    const { selector } = viewQuery('leads', myOpen.state, reader, new Date('2026-12-07T10:00:00Z'));
    expect(selector).toMatchObject({
      ownerId: { $eq: 'user-1' },
      status: { $in: ['NEW', 'CONTACTED'] },
      deletedAt: null,
    });
  });
});
