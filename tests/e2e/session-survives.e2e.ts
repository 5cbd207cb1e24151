import type { Page } from '@playwright/test';
import { startWorkspace } from './app-fixtures';
import { setUpTeam } from './auth-fixtures';
import { expect, test } from './server-fixture';

/**
 * Changing the language or the theme re-renders the whole app. It once signed the user in a second
 * time from the kept session, and two refreshes of one single-use refresh token ended the session
 * (then a storm of failing refreshes). The session must survive any number of such changes, and at
 * the next launch with the new language saved.
 */

interface RefreshLog {
  requests: number;
  refused: number;
}

function watchRefreshes(page: Page): RefreshLog {
  const log = { requests: 0, refused: 0 };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/auth/refresh') log.requests += 1;
  });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/auth/refresh' && response.status() >= 400) log.refused += 1;
  });
  return log;
}

/** Switches language and theme back and forth from Settings, as a user trying them out would. */
async function switchLanguageAndTheme(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const appearance = page.getByRole('region', { name: /Appearance|Apariencia/ });
  for (let round = 0; round < 3; round++) {
    await appearance.getByLabel('Language').selectOption('es');
    await expect(appearance.getByLabel('Idioma')).toHaveValue('es');
    await appearance.getByLabel('Tema').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await appearance.getByLabel('Idioma').selectOption('en');
    await expect(appearance.getByLabel('Language')).toHaveValue('en');
    await appearance.getByLabel('Theme').selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  }
  // The profile's language too (it also follows the user to their other devices), ending in Spanish.
  await page.getByRole('tab', { name: 'Profile' }).click();
  await page.getByRole('form', { name: 'Profile' }).getByLabel('Language').selectOption('es');
  await expect(page.getByRole('tab', { name: 'Perfil' })).toBeVisible();
}

async function expectSessionAlive(page: Page, log: RefreshLog) {
  // Long enough for a refresh storm to show itself (it ran at about 13 requests a second).
  await page.waitForTimeout(3_000);
  await expect(page.getByText(/Your session has ended|Tu sesión ha terminado/)).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: /Signed out|Sesión cerrada|Reconnecting|Reconectando/ }),
  ).toHaveCount(0);
  expect(log.refused, 'refused refreshes').toBe(0);
  expect(log.requests, 'refresh requests').toBeLessThanOrEqual(3);
}

test.describe('team server', () => {
  test.use({ serverArgs: ['--auth', 'team'] });

  test('the session survives switching language and theme, and the next launch in Spanish', async ({ page }) => {
    const log = watchRefreshes(page);
    await setUpTeam(page, { name: 'Ana Torres', email: 'ana@andes.example', password: 'correct horse battery' });
    await switchLanguageAndTheme(page);
    await expectSessionAlive(page, log);

    // The next launch, with Spanish saved as the language.
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Principal' })).toBeVisible({ timeout: 30_000 });
    await expectSessionAlive(page, log);
    await expect(page.getByRole('button', { name: /^Ana Torres .*menú de la cuenta$/ })).toBeVisible();
  });
});

test('on the built-in server the session survives switching language and theme, and a relaunch', async ({ page }) => {
  const log = watchRefreshes(page);
  await startWorkspace(page);
  await switchLanguageAndTheme(page);
  await expectSessionAlive(page, log);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Principal' })).toBeVisible({ timeout: 30_000 });
  await expectSessionAlive(page, log);
});

test('on the built-in server, “Sign in again” after an ended session opens the workspace, not the welcome', async ({
  page,
}) => {
  await startWorkspace(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).click();
  await page.getByRole('button', { name: 'New company' }).first().click();
  await page.getByRole('dialog', { name: 'New company' }).getByLabel('Company name').fill('Kept through sign-in');
  await page.getByRole('dialog', { name: 'New company' }).getByRole('button', { name: 'Save' }).click();

  // The server refuses the kept refresh token (as after a reset of its sessions).
  await page.route('**/auth/refresh', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'auth.refreshInvalid', message: 'this session has ended' } }),
    }),
  );
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'Your session has ended' });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Signed out' })).toBeVisible();
  await page.unroute('**/auth/refresh');

  await banner.getByRole('button', { name: 'Sign in again' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('dialog', { name: 'Welcome to Outpost' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).click();
  await expect(
    page.getByRole('grid', { name: 'Companies' }).getByRole('row', { name: /Kept through sign-in/ }),
  ).toBeVisible();
});
