import type { Page } from '@playwright/test';
import { goTo, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

const FILE = [
  'Deal name,Amount,Stage,Status',
  'Globex expansion,"12,500.00",Qualified,Open',
  'Globex pilot,900,Qualified,Open',
  'Globex audit,300,Closing,Open',
  'Globex support,"1,200.50",,Open',
].join('\r\n');

const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });
/** A column's imported cards, in board order: each card is named by what it shows, title first. */
const globexCards = (page: Page, stage: string) => column(page, stage).getByRole('button', { name: /^Globex / });

async function importFile(page: Page) {
  const wizard = page.getByRole('dialog', { name: 'Import from CSV' });
  await runCommand(page, 'Import from CSV…');
  await wizard.getByRole('combobox', { name: 'Import as' }).selectOption({ label: 'Deals' });
  await wizard.getByLabel('CSV file').setInputFiles({
    name: 'deals.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(FILE, 'utf8'),
  });
  await expect(wizard.getByText('deals.csv: 4 rows, 4 columns')).toBeVisible();
  await wizard.getByRole('button', { name: 'Next' }).click();
  return wizard;
}

async function runCommand(page: Page, name: string) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Search records and commands' }).fill(name);
  await palette.getByRole('group', { name: 'Commands' }).getByRole('option', { name }).click();
}

test('imports deals from CSV into their stages on the board, refuses the row with an unknown stage, and Undo import takes them off', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startWorkspace(page);
  await goTo(page, 'Pipeline');
  const wizard = await importFile(page);
  await expect(wizard.getByRole('combobox', { name: 'Field for Stage' })).toHaveValue('stage');
  await expect(wizard.getByRole('combobox', { name: 'Field for Amount' })).toHaveValue('value');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('row', { name: /^4 Globex audit/ })).toContainText(
    'Stage: no active stage named "Closing" in the pipeline',
  );
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Import 4 rows' }).click();

  await expect(wizard.getByText('Imported: 3')).toBeVisible({ timeout: 60_000 });
  await expect(wizard.getByText('Rejected: 1')).toBeVisible();
  const rejected = wizard.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected.getByRole('row', { name: /^4 / })).toContainText('no active stage named "Closing"');
  await wizard.getByRole('button', { name: 'Close' }).click();
  await expect(wizard).toBeHidden();

  const qualified = column(page, 'Qualified');
  await expect(qualified.getByText('2 deals')).toBeVisible();
  // In file order, the amounts read as typed.
  await expect(globexCards(page, 'Qualified')).toHaveCount(2);
  await expect(globexCards(page, 'Qualified').nth(0)).toHaveAccessibleName(/^Globex expansion \$12,500\.00/);
  await expect(globexCards(page, 'Qualified').nth(1)).toHaveAccessibleName(/^Globex pilot \$900\.00/);
  // No stage named: the default pipeline's first stage.
  await expect(globexCards(page, 'Lead in')).toHaveAccessibleName(/^Globex support \$1,200\.50/);

  // Undo belongs to the import's report: the same file again (deals with neither contact nor
  // company are never taken for duplicates), then Undo takes off that import's deals and no others.
  await importFile(page);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Import 4 rows' }).click();
  await expect(wizard.getByText('Imported: 3')).toBeVisible({ timeout: 60_000 });
  await expect(qualified.getByText('4 deals')).toBeVisible();
  await wizard.getByRole('button', { name: 'Undo import' }).click();
  await expect(wizard.getByText('The import was undone.')).toBeVisible({ timeout: 60_000 });
  await wizard.getByRole('button', { name: 'Close' }).click();
  await expect(qualified.getByText('2 deals')).toBeVisible();
  await expect(globexCards(page, 'Qualified')).toHaveCount(2);
  await expect(column(page, 'Lead in').getByText('1 deal', { exact: true })).toBeVisible();
});
