import { DEFAULT_VIEWS } from '../../../../domain/record-views/default-views';
import { viewQuery } from '../../../../domain/record-views/view-query';
import { searchIndexFor } from '../../../../renderer/db/search-index-for';
import type { Workspace } from '../../../../renderer/db/workspace';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { openWorkspace, render } from './bench-workspace';
import { firstRowsShown, footerText, nextPaint, waitFor } from './grid-watch';
import type { MountOptions, MountResult, QueryResult } from './protocol';
import { callsSince } from './storage-trace';

/** The section last mounted: its workspace and when its render started. */
let mounted: { ws: Workspace; started: number } | null = null;

export async function mount({ name, user }: MountOptions): Promise<MountResult> {
  const opened = performance.now();
  const ws = await openWorkspace(name, user);
  await initI18n('en');
  const openMs = performance.now() - opened;
  const started = performance.now();
  mounted = { ws, started };
  await render(ws);
  await waitFor(firstRowsShown, 120_000, 'the first row');
  await nextPaint();
  return { firstRowsMs: performance.now() - started, openMs, footer: footerText(), calls: callsSince(started) };
}

/** Waits for the mounted section's contacts search index, which the list builds in the background. */
export async function searchReady(): Promise<{ ms: number }> {
  const { ws, started } = mounted!;
  const index = searchIndexFor(ws.db, 'contacts');
  await new Promise<void>((resolve) => {
    if (index.status === 'ready') return resolve();
    const stop = index.subscribe(() => {
      if (index.status !== 'ready') return;
      stop();
      resolve();
    });
  });
  return { ms: performance.now() - started };
}

/** The default view's query, as useRecordTable makes it, run without the UI. */
export async function query({ name, user, skips = [] }: MountOptions & { skips?: number[] }): Promise<QueryResult> {
  const opened = performance.now();
  const ws = await openWorkspace(name, user);
  const openMs = performance.now() - opened;
  const actor = { id: user.id, teamId: user.teamId, teamMemberIds: [user.id] };
  const { selector, sort } = viewQuery('contacts', DEFAULT_VIEWS.contacts[0].state, actor, new Date());
  const t0 = performance.now();
  const docs = await ws.db.contacts
    .find({ selector: selector as never, sort: sort as never, skip: 0, limit: 100 })
    .exec();
  docs.map((d) => d.toJSON());
  const firstWindowMs = performance.now() - t0;
  const t1 = performance.now();
  const prepared = ws.db.contacts.find({ selector: selector as never }).getPreparedQuery();
  const { count } = await ws.db.contacts.storageInstance.count(prepared);
  const countMs = performance.now() - t1;
  // Deep windows, each once on this database (RxDB would answer a repeated query from its cache).
  const deepWindowMs: Record<number, number> = {};
  for (const skip of skips) {
    const t = performance.now();
    const deep = await ws.db.contacts
      .find({ selector: selector as never, sort: sort as never, skip, limit: 100 })
      .exec();
    deep.map((d) => d.toJSON());
    deepWindowMs[skip] = performance.now() - t;
  }
  await ws.db.close();
  return { firstWindowMs, countMs, count, openMs, deepWindowMs };
}
