import type { Page } from '@playwright/test';
import { drawer, goTo, startWorkspace } from './app-fixtures';
import { expectSignedIn } from './auth-fixtures';
import { expect, test } from './server-fixture';

/**
 * The browser build, served by the sync server, keeps its app shell in a service worker
 * (docs/adr/0017-browser-app-service-worker.md): once loaded, it opens with no network at all.
 */

/** Whether the page's service worker is active, i.e. the app's files are kept for offline use. */
function keptForOffline(page: Page): Promise<boolean> {
  return page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated');
}

async function createCompany(page: Page, name: string) {
  await goTo(page, 'Companies');
  await page.getByRole('button', { name: 'New company' }).first().click();
  const form = drawer(page, 'New company');
  await form.getByLabel('Company name').fill(name);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, name)).toBeVisible();
  await drawer(page, name).getByRole('button', { name: 'Close' }).click();
}

test('a browser that loaded Outpost once reopens it offline, with its records, and says it is offline', async ({
  page,
  context,
}) => {
  await startWorkspace(page, { name: 'Maria Lopez' });
  await createCompany(page, 'Pampa Foods');
  await expect(page.getByRole('button', { name: /^Sync status and settings: Synced\./ })).toBeVisible({
    timeout: 20_000,
  });
  // A few seconds after the first load the app's files are kept; a person would not notice.
  await expect.poll(() => keptForOffline(page), { timeout: 15_000 }).toBe(true);

  // No network at all: not the server, not anything else.
  await context.setOffline(true);
  await page.reload();

  await expectSignedIn(page, 'Maria Lopez', 'Sales manager');
  await goTo(page, 'Companies');
  await expect(page.getByRole('grid', { name: 'Companies' }).getByRole('row', { name: /Pampa Foods/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sync status and settings: Offline\./ })).toBeVisible({
    timeout: 20_000,
  });

  // Back online, the same page syncs again.
  await context.setOffline(false);
  await createCompany(page, 'Llanos Dairy');
  await expect(page.getByRole('button', { name: /^Sync status and settings: Synced\./ })).toBeVisible({
    timeout: 30_000,
  });
});

test('the offline copy holds the app’s own files and no answer of the server', async ({ page }) => {
  await startWorkspace(page, { name: 'Maria Lopez' });
  await createCompany(page, 'Pampa Foods');
  await expect(page.getByRole('button', { name: /^Sync status and settings: Synced\./ })).toBeVisible({
    timeout: 20_000,
  });
  await expect.poll(() => keptForOffline(page), { timeout: 15_000 }).toBe(true);
  // More of the server's answers once the worker is in place: a reload signs in and syncs again.
  await page.reload();
  await expectSignedIn(page, 'Maria Lopez', 'Sales manager');
  await expect(page.getByRole('button', { name: /^Sync status and settings: Synced\./ })).toBeVisible({
    timeout: 20_000,
  });

  const kept = await page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths.sort();
  });
  expect(kept).toContain('/index.html');
  expect(kept.some((path) => /^\/assets\/index-[^/]+\.js$/.test(path))).toBe(true);
  expect(kept.some((path) => /^\/assets\/index-[^/]+\.css$/.test(path))).toBe(true);
  expect(kept.some((path) => /^\/assets\/storage\.worker-[^/]+\.js$/.test(path))).toBe(true);
  expect(kept).toContain('/favicon.svg');
  // Only files of the build: nothing under the server's endpoints, nothing else.
  expect(kept.filter((path) => !/^\/(index\.html|favicon\.svg|assets\/[^/]+\.(js|css))$/.test(path))).toEqual([]);
});
