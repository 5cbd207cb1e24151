import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { heaviest, type CpuProfile } from '../support/cpu-profile';
import { log, round } from '../support/result';
import {
  MANAGER,
  PART,
  ROOT,
  SYNCED,
  gcHeapMib,
  longTaskStats,
  readProbe,
  type LongTaskStats,
} from './first-run-common';
import type { ProbeState } from './page/protocol';

export interface AppRun {
  /** Sign-in submit → first row painted, ms. */
  firstRowsMs: number;
  firstRowsGrid: string | null;
  /** Sign-in submit → the header says Synced and every collection holds what the server sent the floor, ms. */
  syncedMs: number;
  /** Sign-in submit → the header first showed a progress bar, ms (null: never). */
  progressShownMs: number | null;
  longTasks: LongTaskStats;
  heapMib: number;
  counts: Record<string, number>;
  /** Count checks made while the header already said Synced but records were still missing. */
  earlySynced: number;
  /** The header's sync status as it changed, ms from the submit: "Syncing 40%", "Synced"… */
  header: string[];
}

/** A new device: the sign-in form submitted, then polled until the header says Synced and every collection holds what the floor got. */
export async function runApp(
  page: Page,
  url: string,
  probe: string,
  options: { expected: Record<string, number>; timeoutMs: number; diagnose: boolean },
): Promise<AppRun> {
  page.on('pageerror', (error) => console.error(`  [${PART}] app page error: ${error.message}`));
  await page.addInitScript({ content: probe });
  await page.goto(`${url}/`);
  const form = page.getByRole('form', { name: 'Sign in to Outpost' });
  await form.waitFor({ timeout: 60_000 });
  await form.getByLabel('Email').fill(MANAGER.email);
  await form.getByLabel('Password').fill(MANAGER.password);
  // --diagnose: a CPU profile of the page's thread from the sign-in to all synced.
  const cdp = options.diagnose ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await form.getByRole('button', { name: 'Sign in' }).click();

  const collections = Object.keys(options.expected);
  const deadline = Date.now() + options.timeoutMs;
  let lastShort = -Infinity;
  let earlySynced = 0;
  let counts: Record<string, number> = {};
  let state: ProbeState & { now: number };
  for (let polls = 0; ; polls++) {
    state = await readProbe(page);
    const header = state.header[state.header.length - 1];
    if (state.firstRowsAt !== null && header?.label === SYNCED && header.progress === null) {
      const checkedAt = state.now;
      counts = await page.evaluate((c) => window.firstRunCount!(c), collections);
      const short = collections.filter((c) => (counts[c] ?? 0) < options.expected[c]!);
      if (!short.length) break;
      earlySynced++;
      lastShort = checkedAt;
      // Counting reads every table: not more often than every 2 s while records are still missing.
      await page.waitForTimeout(2000);
    }
    if (Date.now() > deadline) {
      // What a person would see instead: the first screen's text.
      const screen = await page.evaluate(() => document.querySelector('main')?.textContent?.slice(0, 400) ?? '');
      throw new Error(
        `not synced after ${options.timeoutMs / 1000} s: header ${JSON.stringify(header)}, ` +
          `first rows ${String(state.firstRowsAt)}, counts ${JSON.stringify(counts)}, screen: ${screen}`,
      );
    }
    if (polls % 40 === 0 && state.signInAt !== null) {
      log(
        PART,
        `  app: ${round((state.now - state.signInAt) / 1000)} s, header ${header?.label ?? '—'} ${header?.progress ?? ''}`,
      );
    }
    await page.waitForTimeout(250);
  }
  const signInAt = state.signInAt ?? 0;
  const header = state.header[state.header.length - 1]!;
  const syncedAt = Math.max(header.at, lastShort);
  if (cdp) await writeDiagnosis(cdp, state, signInAt, syncedAt);
  const progressShown = state.header.find((h) => h.progress !== null && h.at >= signInAt);
  const heapMib = await gcHeapMib(page);
  return {
    firstRowsMs: state.firstRowsAt! - signInAt,
    firstRowsGrid: state.firstRowsGrid,
    syncedMs: syncedAt - signInAt,
    progressShownMs: progressShown ? progressShown.at - signInAt : null,
    longTasks: longTaskStats(state.longTasks, signInAt, syncedAt),
    heapMib,
    counts,
    earlySynced,
    header: state.header
      .filter((h) => h.at >= signInAt)
      .map((h) => `${round(h.at - signInAt)} ms ${h.label}${h.progress === null ? '' : ` ${h.progress}%`}`),
  };
}

/** Writes the CPU profile of the first sync and logs its heaviest functions and its long tasks. */
async function writeDiagnosis(
  cdp: Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>,
  state: ProbeState,
  signInAt: number,
  syncedAt: number,
): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await cdp.detach();
  const file = join(ROOT, 'bench', 'results', `${PART}.cpuprofile`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(profile));
  const list = (by: 'self' | 'total') =>
    heaviest(profile, 25, by)
      .map((f) => `\n    ${f.fn}: self ${f.selfMs}, total ${f.totalMs}`)
      .join('');
  log(PART, `diagnosis: CPU profile of the first sync: ${file}`);
  log(PART, `  heaviest by self time (ms):${list('self')}`);
  log(PART, `  heaviest by total time (ms):${list('total')}`);
  const tasks = state.longTasks.filter((t) => t.start + t.duration >= signInAt && t.start <= syncedAt);
  log(
    PART,
    `  long tasks (start after sign-in + duration, ms): ${tasks.map((t) => `${round(t.start - signInAt)}+${round(t.duration)}`).join(', ')}`,
  );
}
