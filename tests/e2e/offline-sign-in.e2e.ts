import { drawer, goTo, startWorkspace } from './app-fixtures';
import { expectSignedIn, serveAppFromDisk } from './auth-fixtures';
import { expect, test } from './server-fixture';

test('a device that signed in before opens offline, with its data, while the server is down', async ({
  page,
  context,
  server,
}) => {
  await startWorkspace(page, { name: 'Maria Lopez' });
  await goTo(page, 'Companies');
  await page.getByRole('button', { name: 'New company' }).first().click();
  const form = drawer(page, 'New company');
  await form.getByLabel('Company name').fill('Pampa Foods');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, 'Pampa Foods')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sync status and settings: Synced\./ })).toBeVisible({
    timeout: 20_000,
  });

  await server.stop();
  await serveAppFromDisk(context);
  await page.reload();

  await expectSignedIn(page, 'Maria Lopez', 'Sales manager');
  await expect(page.getByRole('dialog', { name: 'Welcome to Outpost' })).toHaveCount(0);
  await goTo(page, 'Companies');
  await expect(page.getByRole('grid', { name: 'Companies' }).getByRole('row', { name: /Pampa Foods/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sync status and settings: (Offline|Connecting)/ })).toBeVisible();
});
