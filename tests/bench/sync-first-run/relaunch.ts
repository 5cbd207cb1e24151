import type { Page } from 'playwright-core';
import { PART, gcHeapMib, longTaskStats, readProbe, type LongTaskStats } from './first-run-common';

export interface ColdRun {
  /** Navigation start → first row painted, ms. */
  firstRowsMs: number;
  longTasks: LongTaskStats;
  heapMib: number;
}

/** The browser launched again on the profile: the app opens on its kept session and stored records. */
export async function runCold(page: Page, url: string, probe: string): Promise<ColdRun> {
  page.on('pageerror', (error) => console.error(`  [${PART}] relaunch page error: ${error.message}`));
  await page.addInitScript({ content: probe });
  await page.goto(`${url}/`);
  await page.waitForFunction(
    () => {
      const p = window.firstRunProbe!;
      const header = p.header[p.header.length - 1];
      return p.firstRowsAt !== null && header?.label === 'Synced' && header.progress === null;
    },
    undefined,
    { timeout: 600_000, polling: 250 },
  );
  const state = await readProbe(page);
  const heapMib = await gcHeapMib(page);
  return {
    firstRowsMs: state.firstRowsAt!,
    longTasks: longTaskStats(state.longTasks, 0, state.now),
    heapMib,
  };
}
