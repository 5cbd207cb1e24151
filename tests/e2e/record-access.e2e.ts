import type { Browser, Page } from '@playwright/test';
import type { CreateUserRequest, SessionGrant } from '../../domain/auth-protocol';
import { drawer, goTo } from './app-fixtures';
import { expectSignedIn, signIn, type Account } from './auth-fixtures';
import { expect, test } from './server-fixture';

/**
 * Record-level access in the real app: an account executive sees only their own deals on the board,
 * and a deal a supervisor hands to someone else disappears from it — the server stops sending it
 * and sends a removal; hiding it in the UI alone would not do.
 */

test.use({ serverArgs: ['--auth', 'team'] });

const PASSWORD = 'a long enough passphrase';
const manager: Account = { name: 'Marta Gil', email: 'marta@andes.example', password: PASSWORD };
const supervisor: Account = { name: 'Sofía Ruiz', email: 'sofia@andes.example', password: PASSWORD };
const bruno: Account = { name: 'Bruno Díaz', email: 'bruno@andes.example', password: PASSWORD };
const carla: Account = { name: 'Carla Peña', email: 'carla@andes.example', password: PASSWORD };

async function api<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The team, as the manager would build it in Settings → Users (that screen has its own test). */
async function buildTeam(serverUrl: string) {
  const grant = await api<SessionGrant>(`${serverUrl}/auth/setup`, { ...manager, teamName: 'Andes' });
  const add = (account: Account, role: CreateUserRequest['role']) =>
    api(
      `${serverUrl}/admin/users`,
      { ...account, role, teamId: grant.user.teamId } satisfies CreateUserRequest,
      grant.accessToken,
    );
  await add(supervisor, 'SUPERVISOR');
  await add(bruno, 'ACCOUNT_EXECUTIVE');
  await add(carla, 'ACCOUNT_EXECUTIVE');
}

async function signedIn(browser: Browser, serverUrl: string, account: Account, role: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: serverUrl });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, account.email, account.password);
  await expectSignedIn(page, account.name, role);
  return page;
}

async function createDeal(page: Page, title: string, amount: string) {
  await goTo(page, 'Deals');
  await page.getByRole('button', { name: 'New deal' }).first().click();
  const form = drawer(page, 'New deal');
  await form.getByLabel('Deal name').fill(title);
  await form.getByLabel('Value').fill(amount);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, title)).toBeVisible();
  await drawer(page, title).getByRole('button', { name: 'Close' }).click();
}

/** A deal card on the board, named by its face: the title, then the value and the rest. */
const card = (page: Page, title: string) => page.getByRole('button', { name: new RegExp(`^${title} \\$`) });

test('an account executive sees only their own deals, and one reassigned away leaves their board', async ({
  browser,
  server,
}) => {
  test.setTimeout(120_000);
  await buildTeam(server.url);

  const b = await signedIn(browser, server.url, bruno, 'Account executive');
  await createDeal(b, 'Andes fleet tracking', '12,000.00');
  await createDeal(b, 'Pampa cold chain', '8,000.00');
  const c = await signedIn(browser, server.url, carla, 'Account executive');
  await createDeal(c, 'Patagonia ferries', '30,000.00');

  // The supervisor sees the team's three deals: all of them reached the server…
  const s = await signedIn(browser, server.url, supervisor, 'Supervisor');
  await goTo(s, 'Pipeline');
  for (const title of ['Andes fleet tracking', 'Pampa cold chain', 'Patagonia ferries']) {
    await expect(card(s, title)).toBeVisible({ timeout: 20_000 });
  }
  // …and Bruno's board has exactly his own two.
  await goTo(b, 'Pipeline');
  await expect(card(b, 'Andes fleet tracking')).toBeVisible();
  await expect(card(b, 'Pampa cold chain')).toBeVisible();
  await expect(card(b, 'Patagonia ferries')).toHaveCount(0);
  await goTo(b, 'Deals');
  await expect(b.getByRole('row', { name: /Patagonia ferries/ })).toHaveCount(0);
  await goTo(b, 'Pipeline');

  // The supervisor hands "Andes fleet tracking" to Carla from the deal's drawer.
  await card(s, 'Andes fleet tracking').click();
  const deal = drawer(s, 'Andes fleet tracking');
  await deal.getByLabel('Owner').selectOption({ label: carla.name });
  await deal.getByRole('button', { name: 'Save' }).click();

  // It leaves Bruno's board (and his device) and reaches Carla's.
  await expect(card(b, 'Andes fleet tracking')).toHaveCount(0, { timeout: 20_000 });
  await expect(card(b, 'Pampa cold chain')).toBeVisible();
  await goTo(c, 'Pipeline');
  await expect(card(c, 'Andes fleet tracking')).toBeVisible({ timeout: 20_000 });

  // Still gone after a reload: the local copy was dropped, not hidden.
  await b.reload();
  await expectSignedIn(b, bruno.name, 'Account executive');
  await goTo(b, 'Pipeline');
  await expect(card(b, 'Pampa cold chain')).toBeVisible({ timeout: 20_000 });
  await expect(card(b, 'Andes fleet tracking')).toHaveCount(0);
});
