import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parseCsv } from '../../domain/csv-import';
import { goTo, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

/** 1,000 contacts of one company; three rows a person got wrong, at known lines of the file. */
function contactsCsv(): { text: string; badLines: number[] } {
  const lines = ['First Name,Last Name,Email,Phone Number,Company Name'];
  for (let i = 1; i <= 1000; i++) {
    lines.push(`Person${i},Tester,person${i}@example.com,+34 600 000 ${String(i).padStart(3, '0')},Acme Imports`);
  }
  // The file's line n is lines[n - 1]: the header is line 1.
  lines[101 - 1] = 'Bad,Email,person100@@example,,Acme Imports';
  lines[502 - 1] = ',,,600 111 222,Acme Imports';
  lines[903 - 1] = 'Bad,Phone,person902@example.com,call me maybe,Acme Imports';
  return { text: `\ufeff${lines.join('\r\n')}\r\n`, badLines: [101, 502, 903] };
}

/** The serious and critical axe findings inside the open wizard, as rule ids. */
async function wizardViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

async function runCommand(page: Page, name: string) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Search records and commands' }).fill(name);
  await palette.getByRole('group', { name: 'Commands' }).getByRole('option', { name }).click();
}

test('imports 1,000 contacts from CSV with 3 bad rows, hands back the rejected rows, and Undo import removes the rest', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { text, badLines } = contactsCsv();
  await startWorkspace(page);
  await goTo(page, 'Contacts');
  await runCommand(page, 'Import from CSV…');

  const wizard = page.getByRole('dialog', { name: 'Import from CSV' });
  await wizard.getByLabel('CSV file').setInputFiles({
    name: 'contacts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
  await expect(wizard.getByText('contacts.csv: 1000 rows, 5 columns')).toBeVisible();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('combobox', { name: 'Field for Email' })).toHaveValue('email');
  await expect(wizard.getByRole('combobox', { name: 'Field for Company Name' })).toHaveValue('company');
  expect(await wizardViolations(page)).toEqual([]);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('row', { name: /^2 Person1 / })).toContainText('Ready');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Import 1000 rows' }).click();

  await expect(wizard.getByText('Imported: 997')).toBeVisible({ timeout: 120_000 });
  await expect(wizard.getByText('Rejected: 3')).toBeVisible();
  await expect(wizard.getByText('Companies created: 1')).toBeVisible();
  const rejected = wizard.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected.getByRole('row', { name: /^101 / })).toContainText('Email: is not a valid email');
  await expect(rejected.getByRole('row', { name: /^903 / })).toContainText('is not a valid phone number');
  expect(await wizardViolations(page)).toEqual([]);

  const download = page.waitForEvent('download');
  await wizard.getByRole('button', { name: 'Download rejected rows' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('rejected-rows.csv');
  const saved = await readFile((await file.path())!, 'utf8');
  // With a BOM, so Excel reads the file as UTF-8.
  expect(saved.startsWith('\ufeffFirst Name,')).toBe(true);
  const report = parseCsv(saved);
  expect(report.headers).toEqual([
    'First Name',
    'Last Name',
    'Email',
    'Phone Number',
    'Company Name',
    'Line',
    'Reason',
  ]);
  expect(report.rows.map((r) => Number(r[5]))).toEqual(badLines);
  expect(report.rows[0]!.slice(0, 3)).toEqual(['Bad', 'Email', 'person100@@example']);

  await wizard.getByRole('button', { name: 'Undo import' }).click();
  await expect(wizard.getByText('The import was undone.')).toBeVisible({ timeout: 60_000 });
  await wizard.getByRole('button', { name: 'Close' }).click();
  await expect(wizard).toBeHidden();
  await expect(page.getByRole('main', { name: 'Contacts' }).getByText('No contacts yet')).toBeVisible();
  await goTo(page, 'Companies');
  await expect(page.getByRole('main', { name: 'Companies' }).getByText('No companies yet')).toBeVisible();
});
