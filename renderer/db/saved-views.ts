import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RxCollection } from 'rxdb';
import { uuidv7 } from '@domain/ids';
import { savedViewBody, viewStatePatch, viewsForReader } from '@domain/record-views/saved-view-rules';
import { VIEW_SECTIONS, type SavedView } from '@domain/schemas/saved-view';
import type { ViewSection, ViewState } from '@domain/record-views/view-state';
import { localDocument$ } from './local-document';
import { insertRecord, updateRecord } from './record-writes';
import { useRxQuery } from './use-rx';
import { editContext, type Workspace } from './workspace';
import { useWorkspace } from './workspace-context';

export interface SectionViews {
  /** The reader's own views of the section, in their order. */
  mine: SavedView[];
  /** Views others shared with the reader's team. */
  shared: SavedView[];
  loading: boolean;
}

/**
 * The reader's saved views of a section, live (local edits and synced ones): their own and those
 * shared with their team. A Sales Manager's device holds everyone's views; only these are listed.
 */
export function useSavedViews(section: ViewSection): SectionViews {
  const ws = useWorkspace();
  const { docs, loading } = useRxQuery('saved_views', { selector: { section } });
  const { id, teamId } = ws.user;
  return useMemo(
    () => ({ ...viewsForReader(docs, { id, teamId }, section), loading }),
    [docs, id, teamId, section, loading],
  );
}

/** Every view the reader may open, of every section (their own, then their team's), live. */
export function useReaderViews(): SavedView[] {
  const ws = useWorkspace();
  const { docs } = useRxQuery('saved_views', { selector: {} });
  const { id, teamId } = ws.user;
  return useMemo(
    () =>
      VIEW_SECTIONS.flatMap((section) => {
        const { mine, shared } = viewsForReader(docs, { id, teamId }, section);
        return [...mine, ...shared];
      }),
    [docs, id, teamId],
  );
}

/** A new view of the section holding `state`; private unless a team is given (who may: saved-view-rules). */
export function createSavedView(
  ws: Workspace,
  view: { section: ViewSection; name: string; position: number; sharedWithTeamId?: string },
  state: ViewState,
): Promise<SavedView> {
  return insertRecord(ws, 'saved_views', savedViewBody(state, { ...view, userId: ws.user.id }));
}

/** "Save": the view takes the list's current filters, sort, columns and density. */
export function saveViewState(ws: Workspace, id: string, state: ViewState) {
  return updateRecord(ws, 'saved_views', id, viewStatePatch(state));
}

export function renameSavedView(ws: Workspace, id: string, name: string) {
  return updateRecord(ws, 'saved_views', id, { name });
}

/** Shares the view with the reader's team, or ('' ) takes it back. */
export function setViewSharing(ws: Workspace, id: string, sharedWithTeamId: string) {
  return updateRecord(ws, 'saved_views', id, { sharedWithTeamId });
}

/**
 * Removes a view outright (saved views are not archived). Returns what it held, for Undo: the
 * server keeps a removed id removed, so undo makes the same view again under a new id.
 */
export async function removeSavedView(ws: Workspace, id: string): Promise<SavedView | null> {
  const collection = ws.db.saved_views as unknown as RxCollection<SavedView>;
  const doc = await collection.findOne(id).exec();
  if (!doc) return null;
  // Filled inside RxDB's modify, which may run more than once: the last run is what was written.
  const removed: { view: SavedView | null; hlc: string } = { view: null, hlc: '' };
  await doc.incrementalModify((current) => {
    const ctx = editContext(ws);
    removed.view = current as SavedView;
    removed.hlc = ctx.hlc;
    // A removal is a write like any other: a fresh clock, so the server takes it over what it holds.
    return { ...current, hlc: ctx.hlc, updatedAt: ctx.now, updatedBy: ctx.userId, _deleted: true } as typeof current;
  });
  ws.journal.notePendingWrite('saved_views', id, removed.hlc);
  return removed.view;
}

/** Undo of a removal: the same view (name, state, sharing, place) again. */
export function restoreSavedView(ws: Workspace, view: SavedView): Promise<SavedView> {
  const { userId, sharedWithTeamId, section, name, position, filters, sort, columns, density } = view;
  return insertRecord(
    ws,
    'saved_views',
    { userId, sharedWithTeamId, section, name, position, filters, sort, columns, density },
    uuidv7(),
  );
}

const LAST_VIEWS_DOC = 'lastViews';

/**
 * The view chosen last in each section, on this device (a local document, never replicated): the
 * list opens on it next time. A view key is a default view's `<section>.<name>` or a saved view's id.
 */
export function useLastView(section: ViewSection): [string | null | undefined, (key: string) => Promise<void>] {
  const { db } = useWorkspace();
  const [chosen, setChosen] = useState<{ section: ViewSection; key: string | null } | null>(null);
  useEffect(() => {
    const subscription = localDocument$<Record<string, string>>(db, LAST_VIEWS_DOC).subscribe((doc) => {
      setChosen({ section, key: doc?.toJSON().data[section] ?? null });
    });
    return () => subscription.unsubscribe();
  }, [db, section]);
  const remember = useCallback((key: string) => rememberLastView({ db }, section, key), [db, section]);
  return [chosen?.section === section ? chosen.key : undefined, remember];
}

/** Remembers `key` as the view of `section` on this device (the palette's "Open view" too). */
export async function rememberLastView(
  workspace: Pick<Workspace, 'db'>,
  section: ViewSection,
  key: string,
): Promise<void> {
  const doc = await workspace.db.getLocal<Record<string, string>>(LAST_VIEWS_DOC);
  await workspace.db.upsertLocal<Record<string, string>>(LAST_VIEWS_DOC, {
    ...(doc?.toJSON().data ?? {}),
    [section]: key,
  });
}
