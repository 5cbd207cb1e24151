import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createDemoWorld, DEFAULT_TEAM_ID } from '../../demo-data';
import { escapeFormula } from '../../domain/csv-export';
import { parseCsv } from '../../domain/csv-import';
import { personName } from '../../domain/derived-fields';
import type { Contact } from '../../domain/schemas/contact';
import type { Lead } from '../../domain/schemas/lead';
import { drawer, goTo } from './app-fixtures';
import { largeWorkspaceOptions, openLargeWorkspace, type LargeWorkspace } from './large-workspace';

/**
 * The record tables on a large workspace (~26,600 records), as a person uses them: filters and
 * sorts, a saved view, a bulk change and its Undo, a merge, a CSV import and an export. The
 * workspace reaches the device as a team's does, through the server's store and the first pull
 * (large-workspace.ts): that costs less than loading it locally through Settings → Demo data. One
 * device and one page for the whole file; each test starts where the one before left the page.
 */
test.describe.configure({ mode: 'serial' });

let workspace: LargeWorkspace;
let page: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  workspace = await openLargeWorkspace(browser);
  page = workspace.page;
  console.log(
    `large workspace: ${workspace.seeded.total.toLocaleString('en')} records seeded in ` +
      `${(workspace.seeded.elapsedMs / 1000).toFixed(1)} s, pulled in ${(workspace.pullMs / 1000).toFixed(1)} s`,
  );
});

test.afterAll(async () => {
  await workspace?.close();
});

/* ---------------------------------------------------------------- what the seed holds */

const world = createDemoWorld(largeWorkspaceOptions());
const seedUsers = world.users();
const contacts: Contact[] = Array.from({ length: world.counts.contacts }, (_, i) => world.contact(i));
const leads: Lead[] = Array.from({ length: world.counts.leads }, (_, i) => world.lead(i));

/** The device's owner is the server's Sales Manager, in the default team with the seed's North America people. */
const myTeam = new Set(seedUsers.filter((u) => u.teamId === DEFAULT_TEAM_ID).map((u) => u.id));
/** The view the first tests arrange: contacts of my team that have no company. */
const teamWithoutCompany = contacts.filter((c) => myTeam.has(c.ownerId) && c.companyId === '');

/** The order the lists read from storage: the name key, then the id, both one way. */
function byName<T extends { nameKey: string; id: string }>(records: readonly T[], direction: 'asc' | 'desc'): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...records].sort((a, b) => sign * (compare(a.nameKey, b.nameKey) || compare(a.id, b.id)));
}

const numberOf = (n: number) => n.toLocaleString('en');
/** Text as a regular expression that matches it literally. */
const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const VIEW_NAME = 'My team on their own';

/* ---------------------------------------------------------------- how a person reads the page */

const contactsGrid = () => page.getByRole('grid', { name: 'Contacts' });
const contactsCount = () => page.getByText(/^\d[\d,]* contacts$/);

/** The first rows of a grid name these people, in this order (a row's name begins "Select <name>"). */
async function expectFirstRows(grid: Locator, names: readonly string[]) {
  for (const [i, name] of names.entries()) {
    await expect(grid.getByRole('row').nth(i + 1)).toHaveAccessibleName(
      new RegExp(`^Select ${literally(name).source}`),
    );
  }
}

async function addFilter(field: string, value: string) {
  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.getByRole('combobox', { name: 'Field' }).selectOption({ label: field });
  await page.getByRole('combobox', { name: 'Value' }).selectOption({ label: value });
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page.getByRole('group', { name: 'Filters' }).getByText(`${field} is ${value}`)).toBeVisible();
}

/** Opens a view of the list from its views menu, whichever view is open now. */
async function openView(name: string) {
  await page.getByRole('button', { name: /^View: / }).click();
  await page.getByRole('button', { name, exact: true }).click();
}

async function runCommand(name: string) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Search records and commands' }).fill(name);
  await palette.getByRole('group', { name: 'Commands' }).getByRole('option', { name }).click();
}

/** The serious and critical axe findings inside the open dialog, as rule ids. */
async function dialogViolations(): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

/* ---------------------------------------------------------------- the tests */

test('the contacts table chooses columns and density, opens a row with Enter, filters by owner and by no company, and sorts by name both ways, as the seed holds them', async () => {
  await goTo(page, 'Contacts');
  const grid = contactsGrid();
  const count = contactsCount();
  await expect(count).toHaveText(`${numberOf(contacts.length)} contacts`);
  const nameHeader = grid.getByRole('columnheader', { name: /Name/ });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expectFirstRows(grid, byName(contacts, 'asc').slice(0, 3).map(personName));
  // A column no index orders has no sort button.
  await expect(grid.getByRole('button', { name: 'Sort by Email' })).toHaveCount(0);

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
  const name = personName(byName(contacts, 'asc')[0]!);
  await row.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(drawer(page, name)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer(page, name)).toBeHidden();
  await expect(row).toBeFocused();

  // Filters: field, then condition, then value; each a chip; the count and the rows follow.
  await addFilter('Owner', 'My team');
  await expect(count).toHaveText(`${numberOf(contacts.filter((c) => myTeam.has(c.ownerId)).length)} contacts`);
  await addFilter('Has no company', 'Yes');
  await expect(count).toHaveText(`${numberOf(teamWithoutCompany.length)} contacts`);
  await expectFirstRows(grid, byName(teamWithoutCompany, 'asc').slice(0, 3).map(personName));
  await expect(grid.getByRole('row').nth(1).getByRole('gridcell').last()).toHaveText('None');

  // Sort: the name header turns the order round.
  await grid.getByRole('button', { name: 'Sort by Name' }).click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expectFirstRows(grid, byName(teamWithoutCompany, 'desc').slice(0, 3).map(personName));
  await expect(count).toHaveText(`${numberOf(teamWithoutCompany.length)} contacts`);
});

test('that view, saved under a name, is the same after a reload, from the views menu and from the palette’s “Open view”', async () => {
  const grid = contactsGrid();
  const count = contactsCount();
  const filtered = `${numberOf(teamWithoutCompany.length)} contacts`;
  const firstRows = byName(teamWithoutCompany, 'desc').slice(0, 3).map(personName);
  const viewButton = page.getByRole('button', { name: `View: ${VIEW_NAME}`, exact: true });
  /** The saved view on screen: its filters, its order, its columns, its rows. */
  const expectTheView = async () => {
    await expect(viewButton).toBeVisible();
    const filters = page.getByRole('group', { name: 'Filters' });
    await expect(filters.getByText('Owner is My team')).toBeVisible();
    await expect(filters.getByText('Has no company is Yes')).toBeVisible();
    await expect(count).toHaveText(filtered);
    await expect(grid.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(grid.getByRole('columnheader')).toHaveText(['', 'Name', 'Email', 'Phone', 'Source', 'Company']);
    await expectFirstRows(grid, firstRows);
  };

  await page.getByRole('button', { name: 'View: All contacts (changed, not saved)' }).click();
  await page.getByRole('button', { name: 'Save as new view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as new view' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(VIEW_NAME);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expectTheView();

  await page.reload();
  await goTo(page, 'Contacts');
  await expectTheView();

  // From the menu: another view, then this one again.
  await openView('All contacts');
  await expect(count).toHaveText(`${numberOf(contacts.length)} contacts`);
  await openView(VIEW_NAME);
  await expectTheView();

  // From another section, the palette opens the view by its name.
  await openView('All contacts');
  await expect(count).toHaveText(`${numberOf(contacts.length)} contacts`);
  await goTo(page, 'Leads');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette
    .getByRole('combobox', { name: 'Search records and commands' })
    .pressSequentially('open view my team on');
  await expect(palette.getByRole('option', { name: new RegExp(`^Open view: ${VIEW_NAME}`) })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expectTheView();

  // Clear takes the filters off: every contact again, and the view is marked changed.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(count).toHaveText(`${numberOf(contacts.length)} contacts`);
  await expect(page.getByRole('button', { name: `View: ${VIEW_NAME} (changed, not saved)` })).toBeVisible();
});

test('50 leads ticked from the keyboard are assigned to another owner at once, and one Undo gives them back', async () => {
  await goTo(page, 'Leads');
  const grid = page.getByRole('grid', { name: 'Leads' });
  const count = page.getByText(/^\d[\d,]* leads$/);
  await expect(count).toHaveText(`${numberOf(leads.length)} leads`);
  const first50 = byName(leads, 'asc').slice(0, 50);
  // The device's owner, whom the seed gives no record: every one of the 50 changes hands.
  const me = 'Maria Lopez';

  // X ticks the first row, J walks down 49 rows, Shift+X ticks everything between.
  await grid.getByRole('row').nth(1).focus();
  await page.keyboard.press('x');
  for (let i = 0; i < 49; i++) await page.keyboard.press('j');
  await page.keyboard.press('Shift+X');
  const bar = page.getByRole('toolbar', { name: 'Actions on the selected records' });
  await expect(bar.getByText('50 selected')).toBeVisible();

  await bar.getByRole('button', { name: 'Assign to…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign the selected records' });
  await dialog.getByRole('combobox', { name: 'New owner' }).selectOption({ label: me });
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('50 updated.')).toBeVisible({ timeout: 30_000 });

  // Mine now: exactly those 50.
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await addFilter('Owner', 'Me');
  await expect(count).toHaveText('50 leads');
  // Back to the top of the list, as a person scrolls up to read it.
  await grid.hover();
  await page.mouse.wheel(0, -100_000);
  await expectFirstRows(
    grid,
    first50.slice(0, 5).map((l) => personName(l) || l.companyName),
  );

  // One Undo (Ctrl+Z, as the toast's button would): back to their owners, none is mine.
  await page.keyboard.press('Control+z');
  await expect(page.getByText('50 records put back.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Nothing matches these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear', exact: true }).first().click();
  await expect(count).toHaveText(`${numberOf(leads.length)} leads`);
});

test('two contacts that each have deals merge into one, whose drawer lists the deals of both', async () => {
  test.setTimeout(120_000);
  const pair = contactsWithDeals(2);
  const [survivor, merged] = pair;
  await goTo(page, 'Contacts');
  await openView('All contacts');
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(personName(survivor!.contact));
  await contactsGrid()
    .getByRole('row', { name: new RegExp(`^Select ${literally(personName(survivor!.contact)).source}`) })
    .click();
  const open = drawer(page, personName(survivor!.contact));
  const deals = open.getByRole('region', { name: 'Deals' });
  await expect(deals.getByRole('heading', { name: `Deals (${survivor!.deals.length})` })).toBeVisible();
  for (const title of survivor!.deals)
    await expect(deals.getByRole('button', { name: literally(title) })).toBeVisible();

  await open.getByRole('button', { name: 'Merge with…' }).click();
  const dialog = page.getByRole('dialog', { name: `Merge ${personName(survivor!.contact)} with another record` });
  // The picker finds people by last name first, as the contact list sorts them.
  await dialog
    .getByRole('combobox', { name: 'Contact to merge into this one' })
    .fill(`${merged!.contact.lastName} ${merged!.contact.firstName}`);
  await dialog.getByRole('option', { name: `${personName(merged!.contact)} · ${merged!.contact.email}` }).click();
  await expect(dialog.getByText(/linked records? moves? to this one/)).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByRole('dialog', { name: /^Merge / })).toBeHidden({ timeout: 30_000 });

  const both = [...survivor!.deals, ...merged!.deals];
  await expect(deals.getByRole('heading', { name: `Deals (${both.length})` })).toBeVisible();
  for (const title of both) {
    await expect(deals.getByRole('button', { name: literally(title) })).toBeVisible();
  }
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(personName(merged!.contact));
  await expect(
    contactsGrid().getByRole('row', { name: new RegExp(`^Select ${literally(personName(merged!.contact)).source}`) }),
  ).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('');
  await open.getByRole('button', { name: 'Close' }).click();
});

test('imports 1,000 contacts from CSV with 3 bad rows, hands back the rejected rows, and Undo import removes the rest', async () => {
  test.setTimeout(180_000);
  const { text, badLines } = contactsCsv();
  await goTo(page, 'Companies');
  const companiesCount = page.getByText(/^\d[\d,]* companies$/);
  await expect(companiesCount).toHaveText(`${numberOf(world.counts.companies)} companies`);
  await goTo(page, 'Contacts');
  const count = contactsCount();
  // One contact fewer than the seed's: the test before merged one away.
  const before = `${numberOf(contacts.length - 1)} contacts`;
  await expect(count).toHaveText(before);
  await runCommand('Import from CSV…');

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
  expect(await dialogViolations()).toEqual([]);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('row', { name: /^2 Person1 / })).toContainText('Ready', { timeout: 60_000 });
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Import 1000 rows' }).click();

  await expect(wizard.getByText('Imported: 997')).toBeVisible({ timeout: 120_000 });
  await expect(wizard.getByText('Rejected: 3')).toBeVisible();
  await expect(wizard.getByText('Companies created: 1')).toBeVisible();
  const rejected = wizard.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected.getByRole('row', { name: /^101 / })).toContainText('Email: is not a valid email');
  await expect(rejected.getByRole('row', { name: /^903 / })).toContainText('is not a valid phone number');
  expect(await dialogViolations()).toEqual([]);
  // Each count of the list is a range read in the storage worker: seconds, on this size under load.
  await expect(count).toHaveText(`${numberOf(contacts.length - 1 + 997)} contacts`, { timeout: 30_000 });

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
  expect(report.rows[0]![6]).toContain('Email: is not a valid email');
  expect(report.rows[2]![6]).toContain('is not a valid phone number');

  await wizard.getByRole('button', { name: 'Undo import' }).click();
  await expect(wizard.getByText('The import was undone.')).toBeVisible({ timeout: 60_000 });
  await wizard.getByRole('button', { name: 'Close' }).click();
  await expect(wizard).toBeHidden();
  await expect(count).toHaveText(before, { timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('Person500 Tester');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('0 matches');
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('');
  await goTo(page, 'Companies');
  await expect(companiesCount).toHaveText(`${numberOf(world.counts.companies)} companies`);
});

test('a saved view exported to CSV holds its columns and every one of its rows', async () => {
  await goTo(page, 'Contacts');
  await openView(VIEW_NAME);
  await expect(contactsCount()).toHaveText(`${numberOf(teamWithoutCompany.length)} contacts`);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const text = await readFile((await (await download).path())!, 'utf8');
  const exported = parseCsv(text.replace(/^\ufeff/, ''));
  // The view's columns in their order; a name is the two fields it joins, a company its id.
  expect(exported.headers).toEqual(['First name', 'Last name', 'Email', 'Phone', 'Source', 'Company']);
  expect(exported.rows).toHaveLength(teamWithoutCompany.length);
  const known = byName(teamWithoutCompany, 'desc')[0]!;
  expect(exported.rows[0]).toEqual([
    known.firstName,
    known.lastName,
    known.email,
    escapeFormula(known.phone),
    known.source,
    '',
  ]);
  const emails = new Set(exported.rows.map((r) => r[2]));
  expect(teamWithoutCompany.filter((c) => !emails.has(c.email))).toEqual([]);
});

/* ---------------------------------------------------------------- fixtures of the seed */

/**
 * `n` contacts of the seed that each have one deal (with a title no other deal has) and a company
 * (so the view above does not count them), with names no other contact has: the picker and the
 * search find each alone.
 */
function contactsWithDeals(n: number): { contact: Contact; deals: string[] }[] {
  const dealsOf = new Map<string, string[]>();
  const titles = new Map<string, number>();
  for (let j = 0; j < world.counts.deals; j++) {
    const { deal } = world.deal(j);
    titles.set(deal.title, (titles.get(deal.title) ?? 0) + 1);
    if (deal.contactId) dealsOf.set(deal.contactId, [...(dealsOf.get(deal.contactId) ?? []), deal.title]);
  }
  const ownDeal = (id: string) => dealsOf.get(id)?.length === 1 && titles.get(dealsOf.get(id)![0]!) === 1;
  const namesakes = new Map<string, number>();
  for (const c of contacts) namesakes.set(c.nameKey, (namesakes.get(c.nameKey) ?? 0) + 1);
  const picked = contacts
    .filter((c) => c.companyId !== '' && c.email !== '' && namesakes.get(c.nameKey) === 1 && ownDeal(c.id))
    .slice(0, n);
  return picked.map((contact) => ({ contact, deals: dealsOf.get(contact.id)! }));
}

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
