import type { Page } from '@playwright/test';
import { drawer, goTo, joinWorkspace, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

async function synced(page: Page) {
  await expect(page.getByRole('button', { name: /^Sync status and settings: Synced\./ })).toBeVisible({
    timeout: 20_000,
  });
}

async function openDeal(page: Page, title: string) {
  await goTo(page, 'Deals');
  await page
    .getByRole('grid', { name: 'Deals' })
    .getByRole('row', { name: new RegExp(title) })
    .click();
  return drawer(page, title);
}

test('a device offline moves a deal and logs a call while another edits its value; both end with all three', async ({
  browser,
  server,
}) => {
  const alpha = await browser.newContext({ baseURL: server.url });
  const bravo = await browser.newContext({ baseURL: server.url });
  const a = await alpha.newPage();
  const b = await bravo.newPage();

  await startWorkspace(a, { name: 'Ana Torres' });
  await goTo(a, 'Deals');
  await a.getByRole('button', { name: 'New deal' }).first().click();
  const form = drawer(a, 'New deal');
  await form.getByLabel('Deal name').fill('Andes fleet renewal');
  await form.getByLabel('Value').fill('50,000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(a, 'Andes fleet renewal')).toBeVisible();
  await synced(a);

  await joinWorkspace(b);
  await synced(b);
  const dealOnB = await openDeal(b, 'Andes fleet renewal');
  await expect(dealOnB.getByRole('combobox', { name: 'Stage', exact: true })).toHaveValue(/.+/);

  // Alpha loses the network: moves the deal to Demo and logs a call, offline.
  await alpha.setOffline(true);
  await expect(a.getByRole('button', { name: /^Sync status and settings: Offline/ })).toBeVisible();
  const dealOnA = drawer(a, 'Andes fleet renewal');
  await dealOnA.getByRole('combobox', { name: 'Stage', exact: true }).selectOption({ label: 'Demo' });
  await dealOnA.getByRole('button', { name: 'Save' }).click();
  await dealOnA.getByRole('button', { name: 'Log a call' }).click();
  const call = a.getByRole('dialog', { name: 'Log a call' });
  await call.getByLabel('Subject').fill('Discovery call with the COO');
  await call.getByLabel('Outcome').selectOption({ label: 'Connected' });
  await call.getByRole('button', { name: 'Log call' }).click();
  await expect(dealOnA.getByRole('region', { name: 'Activities' })).toContainText('Discovery call with the COO');
  await expect(a.getByRole('button', { name: /changes? waiting/ })).toBeVisible();

  // Meanwhile Bravo, online, raises the value.
  await dealOnB.getByLabel('Value').fill('75,000');
  await dealOnB.getByRole('button', { name: 'Save' }).click();
  await synced(b);

  await alpha.setOffline(false);
  await synced(a);

  for (const page of [a, b]) {
    const deal = page === a ? drawer(a, 'Andes fleet renewal') : await openDeal(b, 'Andes fleet renewal');
    await expect(deal.getByRole('combobox', { name: 'Stage', exact: true })).toHaveValue(await stageId(page, 'Demo'), {
      timeout: 20_000,
    });
    await expect(deal.getByLabel('Value')).toHaveValue('75000.00', { timeout: 20_000 });
    await expect(deal.getByRole('region', { name: 'Activities' })).toContainText('Discovery call with the COO', {
      timeout: 20_000,
    });
    await expect(deal.getByRole('region', { name: 'Stage history' })).toContainText('Lead in → Demo');
  }
  await alpha.close();
  await bravo.close();
});

async function stageId(page: Page, name: string): Promise<string> {
  return page
    .getByRole('dialog', { name: 'Andes fleet renewal' })
    .getByRole('combobox', { name: 'Stage', exact: true })
    .locator('option', { hasText: name })
    .getAttribute('value')
    .then((v) => v ?? '');
}
