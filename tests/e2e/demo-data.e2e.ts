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
