import type { Page } from '@playwright/test';
import { drawer, goTo, joinWorkspace, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

/** Type into the list's search box, as a person would (replacing what was there). */
async function searchFor(page: Page, box: string, query: string) {
  await page.getByRole('searchbox', { name: box }).fill(query);
}

/** The line beside the search box that says how many records match. */
const searchStatus = (page: Page) => page.getByRole('main').getByRole('status');

const table = (page: Page, name: string) => page.getByRole('grid', { name });

async function expectRows(page: Page, tableName: string, rows: (string | RegExp)[]) {
  for (const row of rows) await expect(table(page, tableName).getByRole('row', { name: row })).toHaveCount(1);
}

test('list search finds what a person types: any word, full names, email, phone and company, and counts the matches', async ({
  page,
}) => {
  await startWorkspace(page, { demo: true });

  await goTo(page, 'Leads');
  await searchFor(page, 'Search leads', 'ximena');
  await expectRows(page, 'Leads', [/Ximena Cabrera/, /Ximena Gómez Rivera/, /^Select Ximena Rivera/]);
  await expect(searchStatus(page)).toHaveText('3 matches');
  await expect(table(page, 'Leads').getByRole('row')).toHaveCount(4);

  for (const fullName of ['ximena rivera', 'Rivera Ximena']) {
    await searchFor(page, 'Search leads', fullName);
    await expect(searchStatus(page)).toHaveText('2 matches');
    await expectRows(page, 'Leads', [/Ximena Gómez Rivera/, /^Select Ximena Rivera/]);
  }

  await searchFor(page, 'Search leads', 'hcollins2@');
  await expect(searchStatus(page)).toHaveText('1 match');
  await expectRows(page, 'Leads', [/Hannah Collins/]);

  await searchFor(page, 'Search leads', 'falconenergy.com');
  await expect(searchStatus(page)).toHaveText('2 matches');
  await expect(table(page, 'Leads').getByRole('row', { name: /Luis Reyes/ })).toHaveCount(2);

  for (const phone of ['555 0148', '5550148', '(857) 555-0148']) {
    await searchFor(page, 'Search leads', phone);
    await expect(searchStatus(page)).toHaveText('1 match');
    await expectRows(page, 'Leads', [/Hannah Collins/]);
  }

  await searchFor(page, 'Search leads', 'trailhead');
  await expect(searchStatus(page)).toHaveText('2 matches');
  await expectRows(page, 'Leads', [/Raj Jones.*Trailhead Robotics/, /Marcus Evans.*Trailhead Media/]);

  await searchFor(page, 'Search leads', 'munoz');
  await expect(searchStatus(page)).toHaveText('1 match');
  await expectRows(page, 'Leads', [/Renata Muñoz/]);

  await searchFor(page, 'Search leads', 'ximena zzz');
  await expect(page.getByRole('heading', { name: 'No matches for “ximena zzz”.' })).toBeVisible();
  await expect(searchStatus(page)).toHaveText('0 matches');

  await goTo(page, 'Contacts');
  await searchFor(page, 'Search contacts', 'nunez');
  await expect(searchStatus(page)).toHaveText('2 matches');
  await expectRows(page, 'Contacts', [/Daniela Núñez/, /Valentina Núñez/]);
  // A word of the company's name finds the people who work there.
  await searchFor(page, 'Search contacts', 'outfitters');
  await expect(searchStatus(page)).toHaveText('4 matches');
  await expectRows(page, 'Contacts', [/James Campbell.*Riverbend Outfitters/, /Megan Turner.*Riverbend Outfitters/]);

  await goTo(page, 'Deals');
  await searchFor(page, 'Search deals', 'Energy');
  await expect(searchStatus(page)).toHaveText('8 matches');
  await expect(table(page, 'Deals').getByRole('row', { name: /Falcon Energy Inc\. — Pilot project/ })).toHaveCount(2);
  await searchFor(page, 'Search deals', 'Pilot');
  await expect(searchStatus(page)).toHaveText('4 matches');
  await expectRows(page, 'Deals', [/Grupo San Miguel S\.A\.C\. — Proyecto piloto/]);

  await goTo(page, 'Companies');
  await searchFor(page, 'Search companies', 'Consulting');
  await expect(searchStatus(page)).toHaveText('2 matches');
  await expectRows(page, 'Companies', [/Fairway Consulting Co\./, /Oakridge Consulting Group/]);
  await searchFor(page, 'Search companies', 'bajio');
  await expect(searchStatus(page)).toHaveText('2 matches');
  await expectRows(page, 'Companies', [/Autopartes del Bajío/, /Hoteles del Bajío/]);

  // Clearing the search brings back the whole list, with no count.
  await searchFor(page, 'Search companies', '');
  await expect(searchStatus(page)).toHaveText('');
  await expect(table(page, 'Companies').getByRole('row').nth(20)).toBeVisible();
});

test('the match count is in Spanish for a Spanish speaker', async ({ page }) => {
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Settings');
  await page.getByLabel('Language').selectOption({ label: 'Español' });
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Negocios' }).click();
  await searchFor(page, 'Buscar negocios', 'piloto');
  await expect(searchStatus(page)).toHaveText('2 resultados');
  await searchFor(page, 'Buscar negocios', 'falcon pilot');
  await expect(searchStatus(page)).toHaveText('2 resultados');
  await searchFor(page, 'Buscar negocios', 'grupo san miguel piloto');
  await expect(searchStatus(page)).toHaveText('1 resultado');
});

test('a record created or renamed after the search index was built is found by its new name', async ({ page }) => {
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Contacts');
  await searchFor(page, 'Search contacts', 'ximena');
  await expect(searchStatus(page)).toHaveText('3 matches');

  // Created while the search is on screen: the list takes it in.
  await page.getByRole('button', { name: 'New contact' }).first().click();
  const form = drawer(page, 'New contact');
  await form.getByLabel('First name').fill('Ximena');
  await form.getByLabel('Last name').fill('Quispe');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, 'Ximena Quispe')).toBeVisible();
  await expect(searchStatus(page)).toHaveText('4 matches');
  await searchFor(page, 'Search contacts', 'quispe ximena');
  await expect(searchStatus(page)).toHaveText('1 match');
  await expectRows(page, 'Contacts', [/Ximena Quispe/]);

  // Renamed: found by the new name, no longer by the old one.
  await searchFor(page, 'Search contacts', 'ximena medina');
  await table(page, 'Contacts')
    .getByRole('row', { name: /Ximena Medina/ })
    .click();
  const medina = drawer(page, 'Ximena Medina');
  await medina.getByLabel('Last name').fill('Olazábal');
  await medina.getByLabel('Email').fill('ximena@olazabal.example');
  await medina.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, 'Ximena Olazábal')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No matches for “ximena medina”.' })).toBeVisible();
  await searchFor(page, 'Search contacts', 'olazabal');
  await expect(searchStatus(page)).toHaveText('1 match');
  await expectRows(page, 'Contacts', [/Ximena Olazábal/]);

  // A company renamed: its people and deals are found by its new name.
  await goTo(page, 'Deals');
  await searchFor(page, 'Search deals', 'halcon');
  await expect(page.getByRole('heading', { name: 'No matches for “halcon”.' })).toBeVisible();
  await goTo(page, 'Companies');
  await searchFor(page, 'Search companies', 'falcon energy');
  await table(page, 'Companies')
    .getByRole('row', { name: /Falcon Energy Inc\./ })
    .click();
  const falcon = drawer(page, 'Falcon Energy Inc.');
  await falcon.getByLabel('Company name').fill('Halcón Power Inc.');
  await falcon.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, 'Halcón Power Inc.')).toBeVisible();
  await goTo(page, 'Contacts');
  await searchFor(page, 'Search contacts', 'halcon power');
  await expect(searchStatus(page)).toHaveText('13 matches');
  await expectRows(page, 'Contacts', [/Chloe Adams.*Halcón Power Inc\./]);
  await goTo(page, 'Deals');
  await searchFor(page, 'Search deals', 'halcon pilot');
  await expect(searchStatus(page)).toHaveText('2 matches');
});

test('a record renamed on another device is found by its new name once the change syncs', async ({
  browser,
  server,
}) => {
  const alpha = await browser.newContext({ baseURL: server.url });
  const bravo = await browser.newContext({ baseURL: server.url });
  const a = await alpha.newPage();
  const b = await bravo.newPage();
  const synced = (page: Page) =>
    expect(page.getByRole('button', { name: /^Sync status and settings: Synced\./ })).toBeVisible({
      timeout: 20_000,
    });

  await startWorkspace(a, { name: 'Ana Torres' });
  await goTo(a, 'Contacts');
  await a.getByRole('button', { name: 'New contact' }).first().click();
  await drawer(a, 'New contact').getByLabel('First name').fill('Olga');
  await drawer(a, 'New contact').getByLabel('Last name').fill('Petrova');
  await drawer(a, 'New contact').getByRole('button', { name: 'Save' }).click();
  await expect(drawer(a, 'Olga Petrova')).toBeVisible();
  await synced(a);
  await searchFor(a, 'Search contacts', 'olga ivanova');
  await expect(a.getByRole('heading', { name: 'No matches for “olga ivanova”.' })).toBeVisible();

  await joinWorkspace(b);
  await synced(b);
  await goTo(b, 'Contacts');
  await table(b, 'Contacts')
    .getByRole('row', { name: /Olga Petrova/ })
    .click();
  await drawer(b, 'Olga Petrova').getByLabel('Last name').fill('Ivanova');
  await drawer(b, 'Olga Petrova').getByRole('button', { name: 'Save' }).click();
  await expect(drawer(b, 'Olga Ivanova')).toBeVisible();
  await synced(b);

  await expect(table(a, 'Contacts').getByRole('row', { name: /Olga Ivanova/ })).toBeVisible({ timeout: 20_000 });
  await expect(searchStatus(a)).toHaveText('1 match');
  await alpha.close();
  await bravo.close();
});
