import { drawer, goTo, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

test('a contact and a deal are edited in place from the keyboard alone: F2, type, Enter saves; Escape keeps the value', async ({
  page,
}) => {
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Contacts');
  const contacts = page.getByRole('grid', { name: 'Contacts' });
  const row = contacts.getByRole('row').nth(1);
  await row.focus();

  // F2 edits the row's first editable cell; Enter saves it and gives the row its focus back.
  await page.keyboard.press('F2');
  const email = contacts.getByRole('textbox', { name: 'Edit Email' });
  await expect(email).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('ana.keyboard@example.com');
  await page.keyboard.press('Enter');
  await expect(email).toBeHidden();
  await expect(row).toBeFocused();
  await expect(row.getByText('ana.keyboard@example.com')).toBeVisible();

  // Escape gives up: the cell keeps the saved value, and the row has focus again.
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('thrown.away@example.com');
  await page.keyboard.press('Escape');
  await expect(email).toBeHidden();
  await expect(row).toBeFocused();
  await expect(row.getByText('ana.keyboard@example.com')).toBeVisible();
  await expect(contacts.getByText('thrown.away@example.com')).toHaveCount(0);

  // A refused value stays with its reason; Escape leaves the stored one.
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('not an email');
  await page.keyboard.press('Enter');
  await expect(contacts.getByRole('alert')).toContainText('Not saved');
  await expect(email).toHaveValue('not an email');
  await expect(email).toBeFocused();
  await page.keyboard.press('Escape');

  // The saved value is the record's: the drawer shows it.
  const name = (await row.getByRole('gridcell').nth(1).innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(drawer(page, name).getByRole('textbox', { name: 'Email' })).toHaveValue('ana.keyboard@example.com');
  await page.keyboard.press('Escape');

  // A deal's value: Tab from its name to the amount, a new amount, Enter.
  await goTo(page, 'Deals');
  const deals = page.getByRole('grid', { name: 'Deals' });
  const deal = deals.getByRole('row').nth(1);
  await deal.focus();
  await page.keyboard.press('F2');
  await expect(deals.getByRole('textbox', { name: 'Edit Deal name' })).toBeFocused();
  await page.keyboard.press('Tab');
  const amount = deals.getByRole('textbox', { name: 'Edit Value' });
  await expect(amount).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('12345');
  await page.keyboard.press('Enter');
  await expect(amount).toBeHidden();
  await expect(deal).toBeFocused();
  await expect(deal.getByText(/12,345/)).toBeVisible();
});
