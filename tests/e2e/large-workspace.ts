import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createDemoWorld, DEFAULT_DEMO_SEED, type DemoDataOptions } from '../../demo-data';
import { toIsoDate } from '../../domain/time';
import { seedStore, type StoreSeedResult } from '../../scripts/seed';
import { startWorkspace } from './app-fixtures';
import { startE2eServer, type SyncServerHandle } from './server-fixture';

/**
 * The workspace of a busy team, about 26,600 records (demo-data's medium size): what these tests
 * load into a server's store and every device then pulls. Same day, same records.
 */
export function largeWorkspaceOptions(): DemoDataOptions {
  return { size: 'medium', seed: DEFAULT_DEMO_SEED, today: toIsoDate(Date.now()) };
}

export interface LargeWorkspace {
  page: Page;
  context: BrowserContext;
  server: SyncServerHandle;
  seeded: StoreSeedResult;
  /** From the welcome dialog's answer to the header saying everything is synced. */
  pullMs: number;
  close(): Promise<void>;
}

/**
 * A server whose store already holds the large workspace (written by the seed's store sink, as
 * `npm run seed` would), and one device that signs in on it for the first time and pulls all of it
 * through real replication into RxDB in Chromium. Pulled once per file: the tests then share the page.
 */
export async function openLargeWorkspace(browser: Browser): Promise<LargeWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-e2e-large-'));
  const dbFile = join(dir, 'outpost.db');
  const options = largeWorkspaceOptions();
  const seeded = await seedStore(`sqlite:${dbFile}`, options);
  const server = await startE2eServer(dbFile);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const pullStarted = performance.now();
  await startWorkspace(page);
  // A contact among the last the server holds is on the device; then the header says it is done.
  const deepest = lastContactWithAccentedName(options);
  // A person sees the app before typing its keys.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Search contacts' });
  await search.fill(`${deepest.firstName} ${deepest.lastName}`);
  await expect(
    page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: new RegExp(deepest.firstName) }),
  ).not.toHaveCount(0, { timeout: 120_000 });
  await expectFullySynced(page);
  const pullMs = Math.round(performance.now() - pullStarted);
  await search.fill('');
  return {
    page,
    context,
    server,
    seeded,
    pullMs,
    async close() {
      await context.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The header says Synced, with no progress bar. Before the first pull starts it says so too: call
 * this once a pulled record is on screen.
 */
export async function expectFullySynced(page: Page) {
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('progressbar')).toHaveCount(0, { timeout: 120_000 });
  await expect(banner.getByRole('status').getByText('Synced', { exact: true })).toBeVisible({ timeout: 120_000 });
}

const COMBINING_MARKS = /\p{M}/u;

/**
 * The contact of the large workspace with accents in their name (María, Núñez…) that comes last
 * in the set, so it is among the last records a device pulls. A search that ignores accents
 * (the command palette's) should find them by the name typed without any.
 */
export function lastContactWithAccentedName(options: DemoDataOptions = largeWorkspaceOptions()): {
  id: string;
  firstName: string;
  lastName: string;
} {
  const world = createDemoWorld(options);
  for (let i = world.counts.contacts - 1; i >= 0; i--) {
    const { id, firstName, lastName } = world.contact(i);
    if (COMBINING_MARKS.test(`${firstName} ${lastName}`.normalize('NFD'))) return { id, firstName, lastName };
  }
  throw new Error('the large workspace has no contact with an accented name');
}

/** Accents and case folded, as a person typing without them writes a name. */
export const foldAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A contact of the large workspace whose name has an accent, is the only one of its name (folded),
 * and has a word of six letters or more to type partly and with a typo: the palette's target.
 */
export function uniqueAccentedContact(options: DemoDataOptions = largeWorkspaceOptions()): {
  id: string;
  name: string;
  firstName: string;
  longWord: string;
} {
  const world = createDemoWorld(options);
  const seen = new Map<string, number>();
  const all: { id: string; firstName: string; lastName: string }[] = [];
  for (let i = 0; i < world.counts.contacts; i++) {
    const { id, firstName, lastName } = world.contact(i);
    const key = foldAccents(`${firstName} ${lastName}`);
    seen.set(key, (seen.get(key) ?? 0) + 1);
    all.push({ id, firstName, lastName });
  }
  for (let i = all.length - 1; i >= 0; i--) {
    const { id, firstName, lastName } = all[i]!;
    const name = `${firstName} ${lastName}`;
    const longWord = lastName.split(/\s+/).find((w) => w.length >= 6);
    // The accent is in a word that is typed (the first name's first word, or the long word).
    const typed = `${firstName.split(' ')[0]} ${longWord ?? ''}`;
    if (longWord && COMBINING_MARKS.test(typed.normalize('NFD')) && seen.get(foldAccents(name)) === 1)
      return { id, name, firstName, longWord };
  }
  throw new Error('the large workspace has no contact with a unique accented name');
}
