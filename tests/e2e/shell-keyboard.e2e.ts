import { drawer, goTo, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

test('G then P goes to the pipeline, G then D to Deals, and C opens the section’s new-record form', async ({
  page,
}) => {
  await startWorkspace(page);
  await goTo(page, 'Leads');
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('d');
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible();
  await page.keyboard.press('c');
  await expect(drawer(page, 'New deal')).toBeVisible();
  // Typed into the form's fields, the same keys are text.
  await drawer(page, 'New deal').getByLabel('Deal name').pressSequentially('gp c');
  await expect(drawer(page, 'New deal').getByLabel('Deal name')).toHaveValue('gp c');
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible();
});

test('? shows every command with its keys, the board’s among them', async ({ page }) => {
  await startWorkspace(page);
  await goTo(page, 'Pipeline');
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const board = sheet.getByRole('table', { name: 'Board' });
  await expect(board.getByRole('row', { name: /Mark the deal as won\s+W/ })).toBeVisible();
  await expect(board.getByRole('row', { name: /Move the deal to the next stage\s+\]/ })).toBeVisible();
  await expect(board.getByRole('row', { name: /Pick the card up.*Space/ })).toBeVisible();
  await expect(
    sheet.getByRole('table', { name: 'Everywhere' }).getByRole('row', { name: /Go to Pipeline\s+G then P/ }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('Escape closes the drawer and returns focus to the row it was opened from; J and K walk the rows', async ({
  page,
}) => {
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Contacts');
  const rows = page.getByRole('grid', { name: 'Contacts' }).getByRole('row');
  await rows.nth(1).focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('Enter');
  const opened = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Close' }) });
  await expect(opened).toBeVisible();
  await expect(opened).toContainText(await rows.nth(2).getByRole('gridcell').nth(1).innerText());
  await page.keyboard.press('Escape');
  await expect(opened).toBeHidden();
  await expect(rows.nth(2)).toBeFocused();
});

test('a shortcut remapped in Settings → Keyboard works after a reload; a clash is refused; reset brings the default back', async ({
  page,
}) => {
  await startWorkspace(page);
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Keyboard' }).click();
  const everywhere = page.getByRole('table', { name: 'Everywhere' });
  const goDeals = everywhere.getByRole('row', { name: /^Go to Deals/ });
  await expect(goDeals).toContainText('G then D');

  // G then P is Go to Pipeline's: refused, and said why.
  await goDeals.getByRole('button', { name: 'Change keys for Go to Deals' }).click();
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await expect(page.getByRole('alert')).toHaveText(
    'G then P is already used by “Go to Pipeline” (Everywhere). Choose other keys.',
  );
  await expect(goDeals).toContainText('G then D');

  await goDeals.getByRole('button', { name: 'Change keys for Go to Deals' }).click();
  await page.keyboard.press('g');
  await page.keyboard.press('e');
  await expect(goDeals).toContainText('G then E');

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Keyboard' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).click();
  await page.keyboard.press('g');
  await page.keyboard.press('e');
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible();
  // The old keys no longer go there.
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('d');
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();

  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await page.getByRole('tab', { name: 'Keyboard' }).click();
  await goDeals.getByRole('button', { name: 'Reset Go to Deals to its default keys' }).click();
  await expect(goDeals).toContainText('G then D');
});
