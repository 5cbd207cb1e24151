import type { DefaultView, ViewColumn, ViewFilter, ViewSection, ViewState } from './view-state';
import { VIEW_TOKENS } from './view-state';

/** A filter as stored: the operand JSON-encoded (a literal or a `VIEW_TOKENS` value). */
export function viewFilter(field: string, op: ViewFilter['op'], value: unknown): ViewFilter {
  return { field, op, value: JSON.stringify(value) };
}

const column = (field: string, width: number): ViewColumn => ({ field, width });

// Field ids are the section's catalogue ids (view-fields.ts), not record properties; a sort is
// offered only on an indexed field. A unit test reads every view below through viewQuery.
const LEAD_COLUMNS = [
  column('name', 220),
  column('companyName', 200),
  column('status', 140),
  column('source', 160),
  column('email', 240),
];
const CONTACT_COLUMNS = [
  column('name', 240),
  column('email', 240),
  column('phone', 160),
  column('company', 200),
  column('title', 180),
];
const COMPANY_COLUMNS = [
  column('name', 240),
  column('domain', 200),
  column('industry', 180),
  column('size', 120),
  column('phone', 160),
];
const DEAL_COLUMNS = [
  column('title', 260),
  column('stage', 160),
  column('value', 140),
  column('status', 110),
  column('company', 200),
  column('expectedCloseDate', 170),
];
const ACTIVITY_COLUMNS = [
  column('type', 120),
  column('subject', 280),
  column('dueAt', 180),
  column('owner', 180),
  column('related', 240),
];
const byName = [{ field: 'name', direction: 'asc' as const }];
const byTitle = [{ field: 'title', direction: 'asc' as const }];
const byCloseDate = [{ field: 'expectedCloseDate', direction: 'asc' as const }];
const byDueDate = [{ field: 'dueAt', direction: 'asc' as const }];

function view(section: ViewSection, name: string, state: Omit<ViewState, 'density'>): DefaultView {
  return {
    key: `${section}.${name}`,
    section,
    nameKey: `savedViews.defaults.${section}.${name}`,
    state: { ...state, density: 'comfortable' },
  };
}

const { me, today, startOfMonth, endOfMonth } = VIEW_TOKENS;

/**
 * The views each section ships with, listed before the user's own. They hold reader-relative
 * tokens (`@me`, `@startOfMonth`), so one definition serves every user and every month.
 */
export const DEFAULT_VIEWS = {
  leads: [
    view('leads', 'all', { filters: [], sort: byName, columns: LEAD_COLUMNS }),
    view('leads', 'myOpen', {
      filters: [viewFilter('owner', 'eq', me), viewFilter('status', 'in', ['NEW', 'CONTACTED'])],
      sort: byName,
      columns: LEAD_COLUMNS,
    }),
    view('leads', 'toQualify', {
      filters: [viewFilter('status', 'eq', 'CONTACTED')],
      sort: byName,
      columns: LEAD_COLUMNS,
    }),
  ],
  contacts: [
    view('contacts', 'all', { filters: [], sort: byName, columns: CONTACT_COLUMNS }),
    view('contacts', 'mine', {
      filters: [viewFilter('owner', 'eq', me)],
      sort: byName,
      columns: CONTACT_COLUMNS,
    }),
    view('contacts', 'withoutCompany', {
      filters: [viewFilter('noCompany', 'eq', true)],
      sort: byName,
      columns: CONTACT_COLUMNS,
    }),
  ],
  companies: [view('companies', 'all', { filters: [], sort: byName, columns: COMPANY_COLUMNS })],
  deals: [
    view('deals', 'all', { filters: [], sort: byTitle, columns: DEAL_COLUMNS }),
    view('deals', 'myOpen', {
      filters: [viewFilter('owner', 'eq', me), viewFilter('status', 'eq', 'OPEN')],
      sort: byCloseDate,
      columns: DEAL_COLUMNS,
    }),
    view('deals', 'closingThisMonth', {
      filters: [
        viewFilter('expectedCloseDate', 'between', [startOfMonth, endOfMonth]),
        viewFilter('status', 'eq', 'OPEN'),
      ],
      sort: byCloseDate,
      columns: DEAL_COLUMNS,
    }),
  ],
  activities: [
    view('activities', 'all', { filters: [], sort: byDueDate, columns: ACTIVITY_COLUMNS }),
    view('activities', 'myOpenFollowUps', {
      filters: [viewFilter('owner', 'eq', me), viewFilter('type', 'eq', 'FOLLOW_UP'), viewFilter('open', 'eq', true)],
      sort: byDueDate,
      columns: ACTIVITY_COLUMNS,
    }),
    // A day token against a date-time field means that whole UTC day.
    view('activities', 'dueToday', {
      filters: [viewFilter('dueAt', 'eq', today), viewFilter('open', 'eq', true)],
      sort: byDueDate,
      columns: ACTIVITY_COLUMNS,
    }),
  ],
} as const satisfies Partial<Record<ViewSection, readonly DefaultView[]>>;

/** Whether `key` names a shipped view (`<section>.<name>`) rather than a stored one (a UUID). */
export function isDefaultViewKey(key: string): boolean {
  return Object.values(DEFAULT_VIEWS).some((views) => views.some((v) => v.key === key));
}
