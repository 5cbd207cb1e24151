import type { Density, SavedView, ViewFilter, ViewSection } from '../schemas/saved-view';

export type { Density, ViewFilter, ViewSection };
export type FilterOp = ViewFilter['op'];
export type ViewSort = SavedView['sort'][number];
export type ViewColumn = SavedView['columns'][number];

/**
 * How a record list is arranged: what a saved view stores and what the record table shows.
 * `filters[i].value` is JSON (a string, number, boolean, list or pair), so one shape holds text,
 * numbers, dates and lists; it may hold a `VIEW_TOKENS` value instead of a literal.
 * `columns` lists the visible columns in order with their widths in pixels.
 */
export interface ViewState {
  filters: ViewFilter[];
  sort: ViewSort[];
  columns: ViewColumn[];
  density: Density;
}

/**
 * Values a filter may hold that mean something only when the view is read: a shared view
 * "My open leads" shows each reader their own leads, and "Closing this month" moves with the
 * calendar. Resolved against the reader and the clock (`resolveViewTokens`), never stored resolved.
 */
export const VIEW_TOKENS = {
  me: '@me',
  myTeam: '@myTeam',
  today: '@today',
  startOfMonth: '@startOfMonth',
  endOfMonth: '@endOfMonth',
} as const;
export type ViewToken = (typeof VIEW_TOKENS)[keyof typeof VIEW_TOKENS];

/** A view a section ships with: not stored, listed before the user's own, and not deletable. */
export interface DefaultView {
  /** Stable id, `<section>.<name>` (`leads.myOpen`); a saved view never uses this shape. */
  key: string;
  section: ViewSection;
  /** Translation key of its name (the renderer checks it against its messages). */
  nameKey: string;
  state: ViewState;
}
