import { expect, LAUNCH_PATH, test } from './server-fixture';

/**
 * In a browser, the single-user server signs its owner in only for the launch key `npm start`
 * printed in the app's address (docs/security.md, "The launch key").
 */

test('the printed address signs the owner in, leaves the key out of the address bar, and survives a reload', async ({
  page,
  server,
}) => {
  await page.goto(LAUNCH_PATH);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Outpost' });
  await expect(welcome).toBeVisible();
  await expect(page).toHaveURL(`${server.url}/`);

  // A reload before signing in still has the key: it is kept for this tab.
  await page.reload();
  await expect(welcome).toBeVisible();
  await welcome.getByLabel('Your name').fill('Maria Lopez');
  await welcome.getByRole('button', { name: 'Start empty' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 30_000 });
  expect(page.url()).not.toContain('k=');
});

test('a page opened without the key gets no session, and is told to open Outpost again', async ({ page }) => {
  await page.goto('/');
  const welcome = page.getByRole('dialog', { name: 'Welcome to Outpost' });
  await welcome.getByLabel('Your name').fill('Someone Else');
  await welcome.getByRole('button', { name: 'Start empty' }).click();
  await expect(welcome.getByRole('alert')).toContainText('Open Outpost again');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});
