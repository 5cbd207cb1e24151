import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createDemoWorld, DEFAULT_DEMO_SEED, type DemoDataOptions } from '../../demo-data';
import { toIsoDate } from '../../domain/time';
import { seedStore } from '../../scripts/seed';
import { goTo, startWorkspace } from './app-fixtures';
import { expectFullySynced } from './large-workspace';
import { startE2eServer } from './server-fixture';

/**
 * Twice the medium workspace's main records, about 52,800 in all: a first sync long enough to
 * open every section while it runs, seeded straight into the server's SQLite store.
 */
const WORKSPACE: DemoDataOptions = {
  size: 'medium',
  seed: DEFAULT_DEMO_SEED,
  today: toIsoDate(Date.now()),
  counts: { companies: 2_000, contacts: 16_000, leads: 6_000, deals: 3_000, activities: 16_000 },
};
/** Pulls of contacts that answer at once, then slowly, before the rest wait for the test. */
const CONTACT_PULLS_AT_ONCE = 2;
const CONTACT_PULLS_SLOW = 5;
const SLOW_PULL_MS = 400;
/** Far above what a section takes to show rows: the time is measured in benches, not here. */
const ROWS_TIMEOUT_MS = 60_000;

async function expectRows(page: Page, section: string) {
  // The first row after the header row.
  await expect(page.getByRole('grid', { name: section }).getByRole('row').nth(1)).toBeVisible({
    timeout: ROWS_TIMEOUT_MS,
  });
}

/**
 * A new device signs in to a server holding a large workspace and the person opens every section
 * while the first sync runs: each shows rows as they arrive rather than waiting for the sync to
 * end. The test holds the later pulls of contacts (after a few that it answers slowly, so the list
 * changes while it is open), so the contacts list is caught still filling: it says so, and a
 * search for a contact not yet here says that not everything is here yet, never "No matches".
 */
test('during a first sync of 50,000 records every section shows rows, and a list still filling says so', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'outpost-e2e-first-sync-sections-'));
  const dbFile = join(dir, 'outpost.db');
  const seeded = await seedStore(`sqlite:${dbFile}`, WORKSPACE);
  expect(seeded.total).toBeGreaterThanOrEqual(50_000);
  const world = createDemoWorld(WORKSPACE);
  const last = world.contact(world.counts.contacts - 1);
  const server = await startE2eServer(dbFile);
  const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' });
  try {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let contactPulls = 0;
    await context.route(/\/sync\/contacts\/pull\?/, async (route) => {
      const pull = ++contactPulls;
      if (pull > CONTACT_PULLS_AT_ONCE + CONTACT_PULLS_SLOW) await released;
      else if (pull > CONTACT_PULLS_AT_ONCE) await new Promise((resolve) => setTimeout(resolve, pull * SLOW_PULL_MS));
      await route.continue();
    });
    const page = await context.newPage();
    await startWorkspace(page);

    for (const section of ['Leads', 'Contacts', 'Companies', 'Deals', 'Activities']) {
      await goTo(page, section);
      await expectRows(page, section);
    }
    await goTo(page, 'Pipeline');
    await expect(
      page
        .getByRole('region', { name: / board$/ })
        .getByRole('listitem')
        .first(),
    ).toBeVisible({
      timeout: ROWS_TIMEOUT_MS,
    });

    await goTo(page, 'Contacts');
    await expectRows(page, 'Contacts');
    const notice = page.getByText(/^Still syncing — [\d,]+ of 16,000 contacts so far$/);
    await expect(notice).toBeVisible({ timeout: ROWS_TIMEOUT_MS });
    const search = page.getByRole('searchbox', { name: 'Search contacts' });
    await search.fill(`${last.firstName} ${last.lastName}`);
    await expect(page.getByRole('heading', { name: 'Not everything is here yet' })).toBeVisible({
      timeout: ROWS_TIMEOUT_MS,
    });
    await expect(page.getByText('No matches yet — still syncing')).toBeVisible();
    await expect(page.getByRole('heading', { name: /^No matches/ })).toHaveCount(0);

    // The rest of the contacts come: the contact searched for is found, and the notice goes.
    release();
    const contacts = page.getByRole('grid', { name: 'Contacts' });
    await expect(contacts.getByRole('row', { name: new RegExp(last.firstName) }).first()).toBeVisible({
      timeout: 120_000,
    });
    await expectFullySynced(page);
    await expect(notice).toHaveCount(0);
    await search.fill('');
    await expect(page.getByText('16,000 contacts', { exact: true })).toBeVisible();
  } finally {
    await context.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
