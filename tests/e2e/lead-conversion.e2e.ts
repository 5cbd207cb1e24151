import type { Locator, Page } from '@playwright/test';
import { expect, test } from './server-fixture';
import { drawer, goTo, startWorkspace } from './app-fixtures';

/** The first lead in the list that has been called and works at a company, with what its row shows. */
async function firstContactedLeadAtACompany(page: Page): Promise<{ row: Locator; name: string; company: string }> {
  const rows = page.getByRole('grid', { name: 'Leads' }).getByRole('row').filter({ hasText: 'Contacted' });
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    // The first cell holds the row's checkbox.
    const [, name = '', company = ''] = (await row.getByRole('gridcell').allTextContents()).map((text) => text.trim());
    if (company) return { row, name, company };
  }
  throw new Error('the demo workspace has no contacted lead at a company');
}

/** Names and titles as a regular expression that matches them literally. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text of the option a <select> shows. */
const chosen = (select: Locator) => select.locator('option:checked');

/** Today plus `days` as YYYY-MM-DD, on the calendar of the browser (UTC in these tests). */
function daysFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days))
    .toISOString()
    .slice(0, 10);
}

test('a qualified lead converts through the dialog by keyboard into a deal under a new company', async ({ page }) => {
  test.setTimeout(180_000);
  await startWorkspace(page, { demo: true });

  await goTo(page, 'Leads');
  const { row, name, company } = await firstContactedLeadAtACompany(page);
  await row.click();
  const leadDrawer = drawer(page, name);
  const interest = await leadDrawer.getByLabel('What they want').inputValue();
  const jobTitle = await leadDrawer.getByLabel('Job title').inputValue();
  const lastName = await leadDrawer.getByLabel('Last name').inputValue();
  expect(interest, 'the demo data says what the lead wants').not.toBe('');
  // After the call the rep knows the budget, and qualifies the lead.
  await leadDrawer.getByLabel('Estimated value').fill('12,500.00');
  await leadDrawer.getByLabel('Currency').selectOption('USD');
  await leadDrawer.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').getByText('Saved', { exact: true })).toBeVisible();
  await leadDrawer.getByRole('button', { name: 'Move to Qualified' }).click();
  await expect(leadDrawer.getByRole('group', { name: 'Status' })).toContainText('Qualified');

  // The workspace has no company of that name yet: converting makes it.
  await goTo(page, 'Companies');
  await page.getByRole('searchbox', { name: 'Search companies' }).fill(company);
  await expect(page.getByRole('heading', { name: `No matches for “${company}”.` })).toBeVisible();
  await goTo(page, 'Leads');
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(lastName);
  await page
    .getByRole('grid', { name: 'Leads' })
    .getByRole('row', { name: new RegExp(literally(name)) })
    .click();

  // From here on, only the keyboard. Escape cancels, back to the button; Enter opens the dialog again.
  const convert = drawer(page, name).getByRole('button', { name: 'Convert to deal' });
  await convert.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Convert ${name} to a deal` });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(convert).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const title = dialog.getByLabel('Deal title');
  const expectedTitle = `${company} — ${interest}`;
  await expect(title).toBeFocused();
  await expect(title).toHaveValue(expectedTitle);
  await expect(chosen(dialog.getByLabel('Pipeline'))).toHaveText('Sales');
  await expect(chosen(dialog.getByLabel('First stage'))).toHaveText('Lead in');
  await expect(dialog.getByLabel('Value (USD)')).toHaveValue('12500.00');
  await expect(dialog.getByLabel('Expected close date')).toHaveValue(daysFromToday(30));
  await expect(chosen(dialog.getByLabel('Company'))).toHaveText(`Create the company ${company}`);

  // A deal needs a title: the dialog says so, converts nothing and keeps what was typed.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Give the deal a title.')).toBeVisible();
  await expect(dialog.getByLabel('Value (USD)')).toHaveValue('12500.00');
  await page.keyboard.type(expectedTitle);
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Pipeline')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Value (USD)')).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  const deal = drawer(page, expectedTitle);
  await expect(deal).toBeVisible();
  await expect(
    page.getByRole('status').getByText(`Lead converted. The deal ${expectedTitle} is in Lead in.`),
  ).toBeVisible();
  await expect(deal.getByLabel('Deal name')).toHaveValue(expectedTitle);
  await expect(deal.getByLabel('Value', { exact: true })).toHaveValue('12500.00');
  await expect(deal.getByLabel('Currency', { exact: true })).toHaveValue('USD');
  await expect(deal.getByLabel('Expected close date')).toHaveValue(daysFromToday(30));
  await expect(chosen(deal.getByLabel('Stage', { exact: true }))).toHaveText('Lead in');
  await expect(deal.getByRole('combobox', { name: 'Company' })).toHaveValue(company);
  await expect(deal.getByRole('combobox', { name: 'Contact' })).toHaveValue(new RegExp(`^${literally(name)}`));

  // The new contact is filed under the new company, with the lead's job title.
  await goTo(page, 'Companies');
  await page.getByRole('searchbox', { name: 'Search companies' }).fill(company);
  await page
    .getByRole('grid', { name: 'Companies' })
    .getByRole('row', { name: new RegExp(literally(company)) })
    .click();
  await expect(drawer(page, company).getByRole('region', { name: 'People at this company' })).toContainText(name);
  await goTo(page, 'Contacts');
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(lastName);
  await page
    .getByRole('grid', { name: 'Contacts' })
    .getByRole('row', { name: new RegExp(`${literally(name)}.*${literally(company)}`) })
    .click();
  await expect(drawer(page, name).getByLabel('Job title')).toHaveValue(jobTitle);

  // The lead shows it is converted, and leads to its deal.
  await goTo(page, 'Leads');
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(lastName);
  await page
    .getByRole('grid', { name: 'Leads' })
    .getByRole('row', { name: new RegExp(`${literally(name)}.*Converted`) })
    .click();
  const status = drawer(page, name).getByRole('group', { name: 'Status' });
  await expect(status).toContainText('Converted to deal');
  await status.getByRole('button', { name: `Open deal ${expectedTitle}` }).click();
  await expect(drawer(page, expectedTitle)).toBeVisible();

  // The server took every record: a refused one would have left this device by now.
  await expect(page.getByRole('status').filter({ hasText: /^Synced$/ })).toBeVisible();
  await page.reload();
  await expect(drawer(page, expectedTitle).getByRole('combobox', { name: 'Company' })).toHaveValue(company);
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(lastName);
  await expect(
    page.getByRole('grid', { name: 'Leads' }).getByRole('row', { name: new RegExp(`${literally(name)}.*Converted`) }),
  ).toBeVisible();
});

test('a lead that does not say what it wants, with an estimate in euros, converts under the company it names', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startWorkspace(page);
  await goTo(page, 'Companies');
  await page.getByRole('button', { name: 'New company' }).first().click();
  await drawer(page, 'New company').getByLabel('Company name').fill('Andes Logistics');
  await drawer(page, 'New company').getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, 'Andes Logistics')).toBeVisible();

  await goTo(page, 'Leads');
  await page.getByRole('button', { name: 'New lead' }).first().click();
  const form = drawer(page, 'New lead');
  await form.getByLabel('First name').fill('Lucía');
  await form.getByLabel('Last name').fill('Fernández');
  await form.getByLabel('Company name').fill('ANDES  logistics');
  await form.getByLabel('Estimated value').fill('9,000.00');
  await form.getByLabel('Currency').selectOption('EUR');
  await form.getByRole('button', { name: 'Save' }).click();
  const lead = drawer(page, 'Lucía Fernández');
  await lead.getByRole('button', { name: 'Move to Contacted' }).click();
  await lead.getByRole('button', { name: 'Move to Qualified' }).click();

  await lead.getByRole('button', { name: 'Convert to deal' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Convert Lucía Fernández to a deal' });
  // Named after the company as the workspace spells it; the stand-in is selected, so typing replaces it.
  await expect(dialog.getByLabel('Deal title')).toHaveValue('Andes Logistics — New business');
  await page.keyboard.type('Fleet tracking');
  await expect(dialog.getByLabel('Deal title')).toHaveValue('Andes Logistics — Fleet tracking');
  await expect(chosen(dialog.getByLabel('Company'))).toHaveText('Link to Andes Logistics, already in Companies');
  // Euros are not dollars: the value starts empty, and the dialog says why.
  const value = dialog.getByLabel('Value (USD)');
  await expect(value).toHaveValue('');
  await expect(value).toHaveAccessibleDescription(
    'The lead’s estimate is €9,000.00. This pipeline counts in USD, and Outpost does not convert currencies: enter the value in USD.',
  );
  await page.keyboard.press('Enter');
  await expect(
    dialog.getByText('Enter the value in USD: the lead’s estimate, €9,000.00, is in another currency.'),
  ).toBeVisible();
  await expect(dialog.getByLabel('Deal title')).toHaveValue('Andes Logistics — Fleet tracking');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(value).toBeFocused();
  await page.keyboard.type('9,800.00');
  await page.keyboard.press('Enter');

  const deal = drawer(page, 'Andes Logistics — Fleet tracking');
  await expect(deal).toBeVisible();
  await expect(deal.getByLabel('Value', { exact: true })).toHaveValue('9800.00');
  await expect(deal.getByLabel('Currency', { exact: true })).toHaveValue('USD');
  await expect(deal.getByRole('combobox', { name: 'Company' })).toHaveValue('Andes Logistics');

  // Linked, not duplicated: one Andes Logistics, with Lucía in it.
  await goTo(page, 'Companies');
  const companies = page.getByRole('grid', { name: 'Companies' }).getByRole('row', { name: /Andes Logistics/ });
  await expect(companies).toHaveCount(1);
  await companies.click();
  await expect(drawer(page, 'Andes Logistics').getByRole('region', { name: 'People at this company' })).toContainText(
    'Lucía Fernández',
  );
});
