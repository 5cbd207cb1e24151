import { drawer, goTo } from './app-fixtures';
import { accountMenu, expectSignedIn, setUpTeam, signIn, signOut, type Account } from './auth-fixtures';
import { expect, test } from './server-fixture';

const manager: Account = { name: 'Ana Torres', email: 'ana@andes.example', password: 'correct horse battery' };
const rep: Account = { name: 'Bruno Díaz', email: 'bruno@andes.example', password: 'bruno-first-password' };

test.use({ serverArgs: ['--auth', 'team'] });

test('setup creates the Sales Manager, who signs out and back in; a wrong password says so', async ({ page }) => {
  await setUpTeam(page, manager);

  await signOut(page, manager.name);
  await signIn(page, manager.email, 'not the password');
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');

  await page.getByLabel('Password').fill(manager.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectSignedIn(page, manager.name, 'Sales manager');

  // The session is kept (encrypted) on the device: a reload opens the app without asking again.
  await page.reload();
  await expectSignedIn(page, manager.name, 'Sales manager');
});

test('the team named at setup is the team everywhere, and a device where nobody typed has nothing to push', async ({
  page,
}) => {
  await setUpTeam(page, manager, 'Andes Field Sales');
  await expect(page.getByRole('button', { name: /^Sync status and settings: Synced\./ })).toBeVisible({
    timeout: 20_000,
  });
  // Long enough for a device's own copy of the default records to have been made and pushed.
  await page.waitForTimeout(3_000);
  await expect(page.getByRole('button', { name: /change.? waiting/ })).toHaveCount(0);
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Users' }).click();
  await expect(
    page.getByRole('table', { name: 'Users' }).getByRole('row', { name: new RegExp(manager.name) }),
  ).toContainText('Andes Field Sales');
  await page.getByRole('tab', { name: 'General' }).click();
  await expect(page.getByText('None of your edits were replaced.')).toBeVisible();
});

test('the Sales Manager creates an account executive in Settings → Users, who can then sign in', async ({ page }) => {
  await setUpTeam(page, manager);
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Users' }).click();
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users.getByRole('row', { name: new RegExp(manager.name) })).toBeVisible();

  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('Name').fill(rep.name);
  await dialog.getByLabel('Email').fill(rep.email);
  await dialog.getByLabel('Role').selectOption({ label: 'Account executive' });
  await dialog.getByLabel('Initial password').fill(rep.password);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();

  const row = users.getByRole('row', { name: new RegExp(rep.name) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('combobox', { name: `Role of ${rep.name}` })).toHaveValue('ACCOUNT_EXECUTIVE');
  await expect(row).toContainText('Active');

  // The new account signs in on this device with its own (empty) database and no Users tab.
  await signOut(page, manager.name);
  await signIn(page, rep.email, rep.password);
  await expectSignedIn(page, rep.name, 'Account executive');
  await goTo(page, 'Settings');
  await expect(page.getByRole('tab', { name: 'Profile' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Users' })).toHaveCount(0);
  await accountMenu(page, rep.name).click();
  await page.getByRole('button', { name: 'Profile' }).click();
  await expect(page.getByRole('tab', { name: 'Profile', selected: true })).toBeVisible();
  await expect(page.getByText(`${rep.email} · Account executive`)).toBeVisible();
});

test('a deactivated user keeps their unsynced work and is told the session has ended', async ({ browser, server }) => {
  const managerContext = await browser.newContext({ baseURL: server.url });
  const repContext = await browser.newContext({ baseURL: server.url });
  const m = await managerContext.newPage();
  const r = await repContext.newPage();

  await setUpTeam(m, manager);
  await goTo(m, 'Settings');
  await m.getByRole('tab', { name: 'Users' }).click();
  await m.getByRole('button', { name: 'New user' }).click();
  const dialog = m.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('Name').fill(rep.name);
  await dialog.getByLabel('Email').fill(rep.email);
  await dialog.getByLabel('Initial password').fill(rep.password);
  await dialog.getByRole('button', { name: 'Create user' }).click();

  await r.goto('/');
  await signIn(r, rep.email, rep.password);
  await expectSignedIn(r, rep.name, 'Account executive');

  await m.getByRole('button', { name: `Deactivate ${rep.name}` }).click();
  await m
    .getByRole('dialog', { name: `Deactivate ${rep.name}?` })
    .getByRole('button', { name: 'Deactivate' })
    .click();
  await expect(m.getByRole('row', { name: new RegExp(rep.name) })).toContainText('Deactivated');

  await goTo(r, 'Companies');
  await r.getByRole('button', { name: 'New company' }).first().click();
  const form = drawer(r, 'New company');
  await form.getByLabel('Company name').fill('Written after deactivation');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(r.getByRole('alert').filter({ hasText: 'Your session has ended — sign in again.' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(
    r.getByRole('grid', { name: 'Companies' }).getByRole('row', { name: /Written after deactivation/ }),
  ).toBeVisible();
  await expect(r.getByRole('button', { name: /change waiting/ })).toBeVisible();

  // Signing out warns that the change has not reached the server (it stays on the device).
  await accountMenu(r, rep.name).click();
  await r.getByRole('button', { name: 'Sign out' }).click();
  await expect(r.getByRole('dialog', { name: 'Sign out with changes not yet synced?' })).toBeVisible();

  await managerContext.close();
  await repContext.close();
});

test('everyone edits their own profile: name, and password (checked against the current one)', async ({ page }) => {
  await setUpTeam(page, manager);
  await accountMenu(page, manager.name).click();
  await page.getByRole('button', { name: 'Profile' }).click();

  const profile = page.getByRole('form', { name: 'Profile' });
  await profile.getByLabel('Name').fill('Ana María Torres');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByRole('status')).toHaveText('Profile saved.');
  await expect(accountMenu(page, 'Ana María Torres')).toBeVisible();

  const password = page.getByRole('form', { name: 'Change password' });
  const newPassword = 'a brand new passphrase';
  await password.getByLabel('Current password').fill('wrong current password');
  await password.getByLabel('New password').fill(newPassword);
  await password.getByLabel('Confirm password').fill(newPassword);
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByRole('alert')).toHaveText('The current password is not right.');

  await password.getByLabel('Current password').fill(manager.password);
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByRole('status')).toHaveText('Password changed.');

  await signOut(page, 'Ana María Torres');
  await signIn(page, manager.email, newPassword);
  await expectSignedIn(page, 'Ana María Torres', 'Sales manager');
});

test('in a browser, another server’s address is refused with advice, and the page’s own server still works', async ({
  page,
  server,
}) => {
  await page.goto('/');
  const setup = page.getByRole('form', { name: 'Set up your team' });
  await expect(setup).toBeVisible();
  await page.getByRole('button', { name: 'Change server' }).click();
  await page.getByLabel('Server address').fill('https://crm.elsewhere.example');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toContainText('open your team server’s own address');

  await page.getByRole('button', { name: 'Change server' }).click();
  await page.getByLabel('Server address').fill(server.url);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('form', { name: 'Set up your team' })).toBeVisible();
});

test('a plain http:// address of another computer is refused on the sign-in screen, asking for https://', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('form', { name: 'Set up your team' })).toBeVisible();
  await page.getByRole('button', { name: 'Change server' }).click();
  const address = page.getByLabel('Server address');
  await address.fill('http://crm.elsewhere.example');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'A server on another computer must use a secure address that starts with https://. Plain http:// works only for a server on this computer.',
  );
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  // Nothing was chosen: the page's own server still asks for setup.
  await expect(page.getByRole('form', { name: 'Set up your team' })).toBeVisible();
});
