import { expect, type Page } from '@playwright/test';
import { LAUNCH_PATH } from './server-fixture';

/** First start: open the address `npm start` printed and answer the welcome dialog as a new user would. */
export async function startWorkspace(page: Page, options: { name?: string; demo?: boolean } = {}) {
  await page.goto(LAUNCH_PATH);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Outpost' });
  await expect(welcome).toBeVisible();
  await welcome.getByLabel('Your name').fill(options.name ?? 'Maria Lopez');
  await welcome.getByRole('button', { name: options.demo ? 'Load demo data' : 'Start empty' }).click();
  await expect(welcome).toBeHidden({ timeout: 60_000 });
}

/**
 * Another device (browser profile) on a built-in server whose owner already exists: it signs in
 * as that owner at once — the welcome and its demo-data offer belong to the first start only.
 */
export async function joinWorkspace(page: Page) {
  await page.goto(LAUNCH_PATH);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('dialog', { name: 'Welcome to Outpost' })).toHaveCount(0);
}

export async function goTo(page: Page, section: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
}

export function drawer(page: Page, name: string | RegExp) {
  return page.getByRole('dialog', { name });
}
