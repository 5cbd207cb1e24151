import type { Page } from '@playwright/test';
import { drawer, goTo, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

async function createDeal(page: Page, title: string) {
  await page.getByRole('button', { name: 'New deal' }).first().click();
  const form = drawer(page, 'New deal');
  await form.getByLabel('Deal name').fill(title);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, title)).toBeVisible();
}

test('a record’s address opens its drawer after a reload, and Back closes the drawer', async ({ page }) => {
  await startWorkspace(page);
  await goTo(page, 'Deals');
  await createDeal(page, 'Acme renewal');
  await expect(page).toHaveURL(/#\/deals\/[0-9a-f-]{36}$/);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible();
  await expect(drawer(page, 'Acme renewal')).toBeVisible();

  await page.goBack();
  await expect(drawer(page, 'Acme renewal')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible();
  await expect(page).toHaveURL(/#\/deals$/);
  await page.goForward();
  await expect(drawer(page, 'Acme renewal')).toBeVisible();
});

test('sections are history entries, and an unknown address shows the default section', async ({ page }) => {
  await startWorkspace(page);
  await goTo(page, 'Contacts');
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Profile' }).click();
  await expect(page).toHaveURL(/#\/settings\/profile$/);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Profile' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'General' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();

  await page.evaluate(() => (location.hash = '#/nowhere/at-all'));
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
