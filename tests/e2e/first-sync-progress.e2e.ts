import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { seedStore } from '../../scripts/seed';
import { goTo, startWorkspace } from './app-fixtures';
import { expectFullySynced, largeWorkspaceOptions } from './large-workspace';
import { startE2eServer } from './server-fixture';

/**
 * A device's first sync of a busy workspace (demo-data's medium size, on the built server's
 * SQLite store) as a person sees it: the contacts stop arriving after their first page — the
 * test holds the later pulls of contacts — so the device is caught mid-way, and every place that
 * shows contacts must say they are still arriving rather than that they do not exist. A
 * collection's first bootstrap page is 100 records (BOOTSTRAP_FIRST_PAGE_SIZE in
 * renderer/db/sync/bootstrap.ts): that many contacts are here when the pulls are held.
 */
test('mid-way through a first sync, the header counts the contacts, and the contacts list and its search say they are still arriving', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'outpost-e2e-progress-'));
  const dbFile = join(dir, 'outpost.db');
  await seedStore(`sqlite:${dbFile}`, largeWorkspaceOptions());
  const server = await startE2eServer(dbFile);
  // The offline copy's service worker stays out: the test sees every request the page sends.
  const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' });
  try {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/sync\/contacts\/pull\?checkpoint=[1-9]/, async (route) => {
      await released;
      await route.continue();
    });
    const page = await context.newPage();
    await startWorkspace(page);

    const banner = page.getByRole('banner');
    await expect(banner.getByText(/^Contacts 100 of [\d,]+ · /)).toBeVisible({ timeout: 60_000 });
    await expect(banner.getByRole('progressbar', { name: 'Sync progress' })).toBeVisible();

    await goTo(page, 'Contacts');
    const notice = page.getByText(/^Still syncing — 100 of [\d,]+ contacts so far$/);
    await expect(notice).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('Zzyzx Nobody');
    await expect(page.getByRole('heading', { name: 'Not everything is here yet' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('No matches yet — still syncing')).toBeVisible();

    // The rest of the contacts come: the list and the header say nothing more of it.
    release();
    await expectFullySynced(page);
    await expect(notice).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'No matches for “Zzyzx Nobody”.' })).toBeVisible();
  } finally {
    await context.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
