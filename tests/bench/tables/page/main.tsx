import { importRun } from './csv-import';
import { firstRowsShown, nextPaint, rowAt, visibleRows, waitFor } from './grid-watch';
import { arm, jumpTo, settled } from './interactions';
import { startLongTasks, stopLongTasks } from './long-tasks';
import { openWorkspace, render, status } from './bench-workspace';
import type { BenchUser, ColdResult, TablesBench } from './protocol';
import { seed } from './seed';
import { mount, query, searchReady } from './section';
import { callsSince } from './storage-trace';
import '../../../../renderer/styles/theme.css';
import '../../../../renderer/styles/app.css';

/**
 * The browser half of the record-table benchmark: the app's real Contacts section (ContactsPage →
 * RecordListPage → RecordTable) over a real RxDB database on the app's storage (RxDB's Dexie
 * storage in a worker, ADR 0012) in a persistent profile, driven by Playwright through
 * `window.tablesBench`. Inputs (clicks, keys, wheel) come from Playwright as a person's would; the
 * page times from the input event's own timestamp to the changed rows painted.
 */
const scriptStarted = performance.now();

// ── cold start ───────────────────────────────────────────────────────────────────────────────
/** Opened as `index.html?cold=<database>&user=<json>`: the section starts at once, as the app does. */
async function coldStart(name: string, user: BenchUser): Promise<ColdResult> {
  const scriptMs = scriptStarted;
  const ws = await openWorkspace(name, user);
  const openedMs = performance.now();
  await render(ws);
  await waitFor(firstRowsShown, 120_000, 'the first row');
  const row = rowAt(0);
  row?.focus();
  const focused = !!row && document.activeElement === row;
  await nextPaint();
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  return {
    interactiveMs: performance.now(),
    scriptMs,
    openedMs,
    focused,
    calls: callsSince(0),
    usedJSHeapSize: memory?.usedJSHeapSize ?? null,
  };
}

const params = new URLSearchParams(location.search);
const coldName = params.get('cold');
window.tablesBench = {
  seed,
  mount,
  searchReady,
  query,
  arm,
  settled,
  jumpTo,
  startLongTasks,
  stopLongTasks,
  visibleRows,
  importRun,
  cold: coldName ? coldStart(coldName, JSON.parse(params.get('user') ?? 'null') as BenchUser) : null,
} satisfies TablesBench;
status('ready');
