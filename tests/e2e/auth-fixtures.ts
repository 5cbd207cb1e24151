import { existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type BrowserContext, type Page } from '@playwright/test';

const rendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** The header's account button, by its accessible name: what it shows ("Ana Torres Sales manager"), then "account menu". */
export function accountMenu(page: Page, name: string) {
  return page.getByRole('button', { name: new RegExp(`^${name} .* account menu$`) });
}

export async function expectSignedIn(page: Page, name: string, role: string) {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: `${name} ${role} account menu` })).toBeVisible();
}

/** A team server without users: the setup screen makes its first Sales Manager. */
export async function setUpTeam(page: Page, manager: Account, teamName?: string) {
  await page.goto('/');
  const setup = page.getByRole('form', { name: 'Set up your team' });
  await expect(setup).toBeVisible();
  await setup.getByLabel('Your name').fill(manager.name);
  await setup.getByLabel('Email').fill(manager.email);
  await setup.getByLabel('Password', { exact: true }).fill(manager.password);
  await setup.getByLabel('Confirm password').fill(manager.password);
  if (teamName) await setup.getByLabel('Team name').fill(teamName);
  await setup.getByRole('button', { name: 'Create account' }).click();
  await expectSignedIn(page, manager.name, 'Sales manager');
}

export async function signIn(page: Page, email: string, password: string) {
  const form = page.getByRole('form', { name: 'Sign in to Outpost' });
  await expect(form).toBeVisible();
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page, name: string) {
  await accountMenu(page, name).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('form', { name: 'Sign in to Outpost' })).toBeVisible();
}

/**
 * The desktop app loads its renderer from disk (app://), so it opens with no server at all. In a
 * browser the server also serves the app; to test the same "no network" start, the built app is
 * served from dist/renderer here and every request to the server fails as if it were down.
 */
export async function serveAppFromDisk(context: BrowserContext) {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (/^\/(sync|auth|admin|health)(\/|$)/.test(url.pathname)) return route.abort('connectionrefused');
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(rendererDir, relative);
    const found = file.startsWith(rendererDir) && extname(file) !== '' && existsSync(file);
    return route.fulfill({ path: found ? file : join(rendererDir, 'index.html') });
  });
}
