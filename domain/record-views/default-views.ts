import type { DefaultView, ViewColumn, ViewFilter, ViewSection, ViewState } from './view-state';
import { VIEW_TOKENS } from './view-state';

/** A filter as stored: the operand JSON-encoded (a literal or a `VIEW_TOKENS` value). */
export function viewFilter(field: string, op: ViewFilter['op'], value: unknown): ViewFilter {
  return { field, op, value: JSON.stringify(value) };
}

const column = (field: string, width: number): ViewColumn => ({ field, width });

const LEAD_COLUMNS = [
  column('lastName', 220),
  column('companyName', 200),
  column('status', 130),
  column('source', 140),
  column('ownerId', 160),
  column('updatedAt', 150),
];
const CONTACT_COLUMNS = [
  column('lastName', 220),
  column('companyId', 200),
  column('email', 240),
  column('phone', 160),
  column('ownerId', 160),
];
const COMPANY_COLUMNS = [column('name', 240), column('domain', 200), column('industry', 160), column('ownerId', 160)];
const DEAL_COLUMNS = [
  column('title', 260),
  column('value', 140),
  column('stageId', 160),
  column('expectedCloseDate', 150),
  column('status', 110),
  column('ownerId', 160),
];
const ACTIVITY_COLUMNS = [column('subject', 280), column('type', 120), column('dueAt', 160), column('ownerId', 160)];

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
    view('leads', 'myOpen', {
      filters: [viewFilter('ownerId', 'eq', me), viewFilter('status', 'in', ['NEW', 'CONTACTED'])],
      sort: [{ field: 'updatedAt', direction: 'desc' }],
      columns: LEAD_COLUMNS,
    }),
    view('leads', 'toQualify', {
      filters: [viewFilter('status', 'eq', 'CONTACTED')],
      sort: [{ field: 'updatedAt', direction: 'asc' }],
      columns: LEAD_COLUMNS,
    }),
  ],
  contacts: [
    view('contacts', 'mine', {
      filters: [viewFilter('ownerId', 'eq', me)],
      sort: [{ field: 'lastName', direction: 'asc' }],
      columns: CONTACT_COLUMNS,
    }),
    view('contacts', 'withoutCompany', {
      filters: [viewFilter('companyId', 'empty', null)],
      sort: [{ field: 'lastName', direction: 'asc' }],
      columns: CONTACT_COLUMNS,
    }),
  ],
  companies: [
    view('companies', 'all', {
      filters: [],
      sort: [{ field: 'name', direction: 'asc' }],
      columns: COMPANY_COLUMNS,
    }),
  ],
  deals: [
    view('deals', 'myOpen', {
      filters: [viewFilter('ownerId', 'eq', me), viewFilter('status', 'eq', 'OPEN')],
      sort: [{ field: 'expectedCloseDate', direction: 'asc' }],
      columns: DEAL_COLUMNS,
    }),
    view('deals', 'closingThisMonth', {
      filters: [
        viewFilter('expectedCloseDate', 'between', [startOfMonth, endOfMonth]),
        viewFilter('status', 'eq', 'OPEN'),
      ],
      sort: [{ field: 'expectedCloseDate', direction: 'asc' }],
      columns: DEAL_COLUMNS,
    }),
  ],
  activities: [
    view('activities', 'myOpenFollowUps', {
      filters: [
        viewFilter('ownerId', 'eq', me),
        viewFilter('type', 'eq', 'FOLLOW_UP'),
        viewFilter('completedAt', 'empty', null),
      ],
      sort: [{ field: 'dueAt', direction: 'asc' }],
      columns: ACTIVITY_COLUMNS,
    }),
    // A day token against a date-time field means that day, in the reader's time zone.
    view('activities', 'dueToday', {
      filters: [viewFilter('dueAt', 'eq', today), viewFilter('completedAt', 'empty', null)],
      sort: [{ field: 'dueAt', direction: 'asc' }],
      columns: ACTIVITY_COLUMNS,
    }),
  ],
} as const satisfies Partial<Record<ViewSection, readonly DefaultView[]>>;

/** Whether `key` names a shipped view (`<section>.<name>`) rather than a stored one (a UUID). */
export function isDefaultViewKey(key: string): boolean {
  return Object.values(DEFAULT_VIEWS).some((views) => views.some((v) => v.key === key));
}
