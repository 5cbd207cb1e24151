import { round } from '../support/result';
import type { AppRun } from './app-run';
import type { LongTaskStats } from './first-run-common';
import type { FloorResult } from './page/protocol';
import type { ColdRun } from './relaunch';

/** One-line summaries of each run for the bench's log. */
export function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n.toLocaleString('en-US')} ${c}`)
    .join(', ');
}

export function describeFloor(f: FloorResult): string {
  return (
    `${f.docs} records in ${round(f.totalMs / 1000, 2)} s (${round((f.docs / f.totalMs) * 1000)} records/s), ` +
    `${f.pages} pages, fetch ${round(f.fetchMs)} ms, write ${round(f.writeMs)} ms` +
    (Object.keys(f.refused).length ? `, refused: ${JSON.stringify(f.refused)}` : '')
  );
}

export function describeApp(a: AppRun): string {
  return (
    `first rows (${a.firstRowsGrid ?? '?'}) ${round(a.firstRowsMs)} ms, all synced ${round(a.syncedMs / 1000, 2)} s ` +
    `(progress bar from ${a.progressShownMs === null ? '—' : `${round(a.progressShownMs)} ms`}), ` +
    `long tasks ${describeTasks(a.longTasks)}, heap ${round(a.heapMib, 1)} MiB`
  );
}

export function describeCold(c: ColdRun): string {
  return `first rows ${round(c.firstRowsMs)} ms, long tasks ${describeTasks(c.longTasks)}, heap ${round(c.heapMib, 1)} MiB`;
}

export function describeTasks(t: LongTaskStats): string {
  return `${t.count} (sum ${round(t.sumMs)} ms, longest ${round(t.maxMs)} ms)`;
}
