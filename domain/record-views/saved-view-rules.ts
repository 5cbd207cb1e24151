import type { RecordBody } from '../record-edits';
import type { SavedView } from '../schemas/saved-view';
import type { Role } from '../schemas/user-profile';
import type { ViewSection, ViewState } from './view-state';

/** Characters (code points, as JSON Schema counts them) in a view's name at most. */
export const MAX_VIEW_NAME_LENGTH = 100;

/**
 * Who may share a view with a team: the roles that lead one. The permission table lets them write
 * a view marked with a team (saved_views `reassign`); everyone else's views stay their own.
 */
export function mayShareViews(role: Role): boolean {
  return role === 'SUPERVISOR' || role === 'SALES_MANAGER';
}

export type ViewNameProblem = 'empty' | 'tooLong' | 'taken';

/** A view's name as it is stored, or what is wrong with it. */
export type ViewNameCheck = { ok: true; name: string } | { ok: false; problem: ViewNameProblem };

/**
 * A name is trimmed, 1–100 characters, and unique among the user's own views of the section
 * whatever its case ("Hot leads" and "hot leads" would be two rows nobody can tell apart).
 * `renaming` is the view being renamed: its own name does not count against it.
 */
export function checkViewName(
  name: string,
  own: readonly Pick<SavedView, 'id' | 'userId' | 'section' | 'name' | 'deletedAt'>[],
  owner: { userId: string; section: ViewSection; renaming?: string },
): ViewNameCheck {
  const trimmed = name.trim();
  if (!trimmed) return { ok: false, problem: 'empty' };
  if ([...trimmed].length > MAX_VIEW_NAME_LENGTH) return { ok: false, problem: 'tooLong' };
  const key = trimmed.toLocaleLowerCase();
  const taken = own.some(
    (v) =>
      v.userId === owner.userId &&
      v.section === owner.section &&
      v.id !== owner.renaming &&
      !v.deletedAt &&
      v.name.trim().toLocaleLowerCase() === key,
  );
  return taken ? { ok: false, problem: 'taken' } : { ok: true, name: trimmed };
}

/** The stored record of a view: a copy of the state (so later changes to it are not shared). */
export function savedViewBody(
  state: ViewState,
  view: { userId: string; section: ViewSection; name: string; position: number; sharedWithTeamId?: string },
): RecordBody<'saved_views'> {
  return {
    userId: view.userId,
    sharedWithTeamId: view.sharedWithTeamId ?? '',
    section: view.section,
    name: view.name,
    position: view.position,
    ...viewStatePatch(state),
  };
}

/** The fields of a saved view that hold its state: what "Save" writes over a stored view. */
export function viewStatePatch(state: ViewState): Pick<SavedView, 'filters' | 'sort' | 'columns' | 'density'> {
  return {
    filters: state.filters.map((f) => ({ field: f.field, op: f.op, value: f.value })),
    sort: state.sort.map((s) => ({ field: s.field, direction: s.direction })),
    columns: state.columns.map((c) => ({ field: c.field, width: c.width })),
    density: state.density,
  };
}

export function viewStateOf(view: Pick<SavedView, 'filters' | 'sort' | 'columns' | 'density'>): ViewState {
  return viewStatePatch(view);
}

/** Whether the list shows something else than the view it was opened from (the menu's dot). */
export function viewStateDiffers(a: ViewState, b: ViewState): boolean {
  return JSON.stringify(viewStatePatch(a)) !== JSON.stringify(viewStatePatch(b));
}

/**
 * The views a reader's menu lists for a section: their own, then those shared with their team
 * by someone else, each by position then name. A Sales Manager's device holds every view (they
 * read all), so a colleague's private view is left out here, not by the store.
 */
export function viewsForReader<
  V extends Pick<SavedView, 'userId' | 'sharedWithTeamId' | 'section' | 'name' | 'position' | 'deletedAt'>,
>(views: readonly V[], reader: { id: string; teamId: string }, section: ViewSection): { mine: V[]; shared: V[] } {
  const order = (a: V, b: V) => a.position - b.position || a.name.localeCompare(b.name);
  const inSection = views.filter((v) => v.section === section && !v.deletedAt);
  return {
    mine: inSection.filter((v) => v.userId === reader.id).sort(order),
    shared: inSection
      .filter((v) => v.userId !== reader.id && reader.teamId !== '' && v.sharedWithTeamId === reader.teamId)
      .sort(order),
  };
}

/** Where a new view goes: after the user's others in the section. */
export function nextViewPosition(own: readonly Pick<SavedView, 'position'>[]): number {
  return Math.min(
    10_000,
    own.reduce((max, v) => Math.max(max, v.position + 1), 0),
  );
}
