import type { Page } from '@playwright/test';
import { drawer, goTo, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

/** The name in the first data row (the cell after the row's checkbox). */
async function firstName(page: Page): Promise<string> {
  const row = page.getByRole('grid', { name: 'Contacts' }).getByRole('row').nth(1);
  return (await row.getByRole('gridcell').nth(1).innerText()).trim();
}

test('the contacts table sorts, filters, chooses columns and density, and opens a row with Enter', async ({ page }) => {
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Contacts');
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await expect(page.getByText(/^\d[\d,]* contacts$/)).toBeVisible();
  await expect(grid.getByRole('row').nth(5)).toBeVisible();

  // Sort: the name header turns the order round.
  const nameHeader = grid.getByRole('columnheader', { name: /Name/ });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  const firstAscending = await firstName(page);
  await grid.getByRole('button', { name: 'Sort by Name' }).click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => firstName(page)).not.toBe(firstAscending);
  // A column no index orders has no sort button.
  await expect(grid.getByRole('button', { name: 'Sort by Email' })).toHaveCount(0);

  // Filter: field, then condition, then value; a chip; Clear.
  const count = page.getByText(/^\d[\d,]* contacts$/);
  const before = await count.innerText();
  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.getByRole('combobox', { name: 'Field' }).selectOption({ label: 'Has no company' });
  await page.getByRole('combobox', { name: 'Value' }).selectOption({ label: 'Yes' });
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page.getByRole('group', { name: 'Filters' }).getByText('Has no company is Yes')).toBeVisible();
  await expect(count).not.toHaveText(before);
  const companyCells = grid.getByRole('row').nth(1).getByRole('gridcell').nth(4);
  await expect(companyCells).toHaveText('None');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(count).toHaveText(before);

  // Columns: hide one, show another, move it left.
  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('group', { name: 'Choose columns' });
  await chooser.getByRole('checkbox', { name: 'Job title' }).uncheck();
  await expect(grid.getByRole('columnheader', { name: 'Job title' })).toHaveCount(0);
  await chooser.getByRole('checkbox', { name: 'Source' }).check();
  await expect(grid.getByRole('columnheader', { name: 'Source' })).toBeVisible();
  await chooser.getByRole('button', { name: 'Move Source left' }).click();
  const headers = await grid.getByRole('columnheader').allInnerTexts();
  expect(headers.map((h) => h.trim().toLowerCase()).slice(-2)).toEqual(['source', 'company']);
  await page.keyboard.press('Escape');

  // Density: compact rows are shorter.
  const row = grid.getByRole('row').nth(1);
  const comfortable = (await row.boundingBox())!.height;
  await page.getByRole('radio', { name: 'Compact' }).check();
  await expect.poll(async () => (await row.boundingBox())!.height).toBeLessThan(comfortable);

  // Enter opens the focused row; Escape closes the drawer and gives the row its focus back.
  const name = await firstName(page);
  await row.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(drawer(page, name)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer(page, name)).toBeHidden();
  await expect(row).toBeFocused();
});

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
