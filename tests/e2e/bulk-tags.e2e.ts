import { goTo, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

test('a tag added to three selected leads at once is taken off all three by one Undo', async ({ page }) => {
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Leads');
  const grid = page.getByRole('grid', { name: 'Leads' });
  await expect(grid.getByRole('row').nth(3)).toBeVisible();
  // Show the tags column, to see the change.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('group', { name: 'Choose columns' }).getByRole('checkbox', { name: 'Tags' }).check();
  await page.keyboard.press('Escape');

  const rows = [1, 2, 3].map((n) => grid.getByRole('row').nth(n));
  for (const row of rows) await row.getByRole('checkbox').check();
  const bar = page.getByRole('toolbar', { name: 'Actions on the selected records' });
  await expect(bar.getByText('3 selected')).toBeVisible();
  await bar.getByRole('button', { name: 'Add tag' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a tag to the selected records' });
  await dialog.getByRole('textbox', { name: 'Tag' }).fill('trade-show');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('3 updated.')).toBeVisible();
  for (const row of rows) await expect(row).toContainText('trade-show');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('3 records put back.')).toBeVisible();
  for (const row of rows) await expect(row).not.toContainText('trade-show');
});
