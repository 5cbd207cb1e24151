import { readFile } from 'node:fs/promises';
import { goTo, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

test('a filtered contacts view saved under a name exports its rows, is still there after a reload and opens from the palette', async ({
  page,
}) => {
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Contacts');
  const count = page.getByText(/^\d[\d,]* contacts$/);
  await expect(count).toBeVisible();
  const all = await count.innerText();

  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.getByRole('combobox', { name: 'Field' }).selectOption({ label: 'Has no company' });
  await page.getByRole('combobox', { name: 'Value' }).selectOption({ label: 'Yes' });
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(count).not.toHaveText(all);
  const filtered = await count.innerText();

  await page.getByRole('button', { name: 'View: All contacts (changed, not saved)' }).click();
  await page.getByRole('button', { name: 'Save as new view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as new view' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Contacts on their own');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('button', { name: 'View: Contacts on their own', exact: true })).toBeVisible();

  // The export holds the view's rows — a header line and one line per contact listed.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const text = await readFile((await (await download).path())!, 'utf8');
  const lines = text
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toContain('First name');
  expect(lines).toHaveLength(Number(filtered.replace(/\D/g, '')) + 1);

  await page.reload();
  await goTo(page, 'Contacts');
  await expect(page.getByRole('button', { name: 'View: Contacts on their own', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Filters' }).getByText('Has no company is Yes')).toBeVisible();
  await expect(count).toHaveText(filtered);

  // From another section, the palette opens the view by its name.
  await page.getByRole('button', { name: 'View: Contacts on their own', exact: true }).click();
  await page.getByRole('button', { name: 'All contacts' }).click();
  await expect(count).toHaveText(all);
  await goTo(page, 'Leads');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette
    .getByRole('combobox', { name: 'Search records and commands' })
    .pressSequentially('open view contacts on');
  await expect(palette.getByRole('option', { name: /^Open view: Contacts on their own/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'View: Contacts on their own', exact: true })).toBeVisible();
  await expect(count).toHaveText(filtered);
});

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
