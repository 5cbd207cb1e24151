import type { Page } from '@playwright/test';
import { goTo } from './app-fixtures';
import { expectSignedIn, setUpTeam, signIn, type Account } from './auth-fixtures';
import { expect, test } from './server-fixture';

const manager: Account = { name: 'Ana Torres', email: 'ana@andes.example', password: 'correct horse battery' };

test.use({ serverArgs: ['--auth', 'team'] });

async function synced(page: Page) {
  await expect(page.getByRole('button', { name: /^Sync status and settings: Synced\./ })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('button', { name: /change.? waiting/ })).toHaveCount(0, { timeout: 20_000 });
}

async function keyboardSettings(page: Page) {
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Keyboard' }).click();
  return page.getByRole('table', { name: 'Everywhere' }).getByRole('row', { name: /^Go to Deals/ });
}

/** Presses G then E with nothing focused, and expects to arrive at Deals. */
async function goToDealsWithTheNewKeys(page: Page) {
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('g');
  await page.keyboard.press('e');
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible();
}

test('keys remapped on one device follow the user: after a reload, and on another device signed in as them', async ({
  browser,
  server,
}) => {
  const laptop = await browser.newContext({ baseURL: server.url });
  const desktop = await browser.newContext({ baseURL: server.url });
  const a = await laptop.newPage();
  const b = await desktop.newPage();

  await setUpTeam(a, manager);
  const goDeals = await keyboardSettings(a);
  await expect(goDeals).toContainText('G then D');
  await goDeals.getByRole('button', { name: 'Change keys for Go to Deals' }).click();
  await a.keyboard.press('g');
  await a.keyboard.press('e');
  await expect(goDeals).toContainText('G then E');
  await synced(a);

  await a.reload();
  await expectSignedIn(a, manager.name, 'Sales manager');
  await goToDealsWithTheNewKeys(a);

  await b.goto('/');
  await signIn(b, manager.email, manager.password);
  await expectSignedIn(b, manager.name, 'Sales manager');
  await expect(await keyboardSettings(b)).toContainText('G then E', { timeout: 20_000 });
  await goToDealsWithTheNewKeys(b);
  // A clash is still refused where the keys arrived: G then P is Go to Pipeline's.
  const goDealsThere = await keyboardSettings(b);
  await goDealsThere.getByRole('button', { name: 'Change keys for Go to Deals' }).click();
  await b.keyboard.press('g');
  await b.keyboard.press('p');
  await expect(b.getByRole('alert')).toHaveText(
    'G then P is already used by “Go to Pipeline” (Everywhere). Choose other keys.',
  );
  await expect(goDealsThere).toContainText('G then E');

  await laptop.close();
  await desktop.close();
});
