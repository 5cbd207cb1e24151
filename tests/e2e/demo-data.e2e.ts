import { DEFAULT_PIPELINE_ID, SETTING_IDS } from '../../domain/default-records';
import type { PushRow } from '../../domain/sync-protocol';
import { expect, test } from './server-fixture';
import { goTo, startWorkspace } from './app-fixtures';

test('the first start offers demo data, and the demo workspace persists across a reload', async ({ page }) => {
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Companies');
  const companies = page.getByRole('grid', { name: 'Companies' }).getByRole('row');
  await expect(companies.nth(10)).toBeVisible();
  await goTo(page, 'Deals');
  await expect(page.getByRole('grid', { name: 'Deals' }).getByRole('row').nth(10)).toBeVisible();
  await page.reload();
  await goTo(page, 'Leads');
  await expect(page.getByRole('grid', { name: 'Leads' }).getByRole('row').nth(10)).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Welcome to Outpost' })).toHaveCount(0);
});

test('demo data loaded at the first start builds on the default records the server made, and sends none of its own', async ({
  page,
}) => {
  const defaults = new Set([DEFAULT_PIPELINE_ID, ...Object.values(SETTING_IDS)]);
  // Every default record this device sends as one it made itself (the server's are made by nobody).
  const ownCopies: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !/\/sync\/(pipelines|settings)\/push/.test(request.url())) return;
    const { rows } = request.postDataJSON() as { rows: PushRow[] };
    for (const { newDocumentState: sent } of rows) {
      if (defaults.has(sent.id) && sent.createdBy !== '') ownCopies.push(sent.id);
    }
  });
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Settings');
  await expect(page.getByRole('button', { name: /^Sync status and settings: Synced\./ })).toBeVisible({
    timeout: 20_000,
  });
  // Long enough for what the device made at the start to have been sent.
  await page.waitForTimeout(3_000);
  await expect(page.getByText('None of your edits were replaced.')).toBeVisible();
  expect(ownCopies).toEqual([]);
});
