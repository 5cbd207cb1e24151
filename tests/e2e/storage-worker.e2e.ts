import { expect, LAUNCH_PATH, test } from './server-fixture';
import { drawer, goTo, startWorkspace } from './app-fixtures';

/** The local database's storage runs in a dedicated worker (docs/adr/0012-storage-in-a-worker.md). */

test('the local database runs in a worker, and two windows on it see each other’s writes', async ({
  page,
  context,
}) => {
  await startWorkspace(page);
  expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/\/storage\.worker-[^/]*\.js$/));

  // A second window on the same profile opens the same user's database with a worker of its own.
  const other = await context.newPage();
  await other.goto('/');
  await goTo(other, 'Companies');
  expect(other.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/storage\.worker/));

  await goTo(page, 'Companies');
  await page.getByRole('button', { name: 'New company' }).first().click();
  const created = drawer(page, 'New company');
  await created.getByLabel('Company name').fill('Andes Logistics');
  await created.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, 'Andes Logistics')).toBeVisible();
  // Written by the first window's worker, announced to the second's, shown live without a reload.
  await expect(
    other.getByRole('grid', { name: 'Companies' }).getByRole('row', { name: /Andes Logistics/ }),
  ).toBeVisible();

  await other.getByRole('button', { name: 'New company' }).first().click();
  const fromOther = drawer(other, 'New company');
  await fromOther.getByLabel('Company name').fill('Pampa Foods');
  await fromOther.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('grid', { name: 'Companies' }).getByRole('row', { name: /Pampa Foods/ })).toBeVisible();
});

test('a storage worker that cannot start is reported, not waited for', async ({ page }) => {
  await page.route(/\/storage\.worker-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
  await page.goto(LAUNCH_PATH);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Outpost' });
  await welcome.getByLabel('Your name').fill('Maria Lopez');
  await welcome.getByRole('button', { name: 'Start empty' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Outpost can’t open its data on this device' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Reload to try again');
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});
