import type { Locator, Page } from '@playwright/test';
import { createDemoWorld, DEMO_SIZES } from '../../demo-data';
import { companySearchName, matchesSearch, parseSearchQuery, searchTextOf } from '../../domain/search-text';
import { toIsoDate } from '../../domain/time';
import { goTo, startWorkspace } from './app-fixtures';
import { setUpTeam } from './auth-fixtures';
import { expect, test } from './server-fixture';

/**
 * Settings → Demo data on a fresh local workspace (the built-in single-user server): the medium
 * set (about 26,600 records) loaded through the UI, with a progress bar that moves, and Cancel.
 */
test.describe.configure({ timeout: 240_000 });

const demoCard = (page: Page) => page.getByRole('region', { name: 'Demo data' });
const progressOf = (card: Locator) => card.getByRole('progressbar', { name: 'Loading demo data' });

async function startMediumLoad(page: Page): Promise<Locator> {
  await startWorkspace(page);
  await goTo(page, 'Settings');
  const card = demoCard(page);
  // On the device's own server every set is offered, the large one too.
  await expect(card.getByRole('radio', { name: /^Large — 100,000 contacts/ })).toBeVisible();
  await card.getByRole('radio', { name: /^Medium — 6,000 contacts, about 26,600 records/ }).check();
  await card.getByRole('button', { name: 'Load demo data' }).click();
  return card;
}

/** The progress bar's position, or null once it is gone. */
async function progressNow(card: Locator): Promise<number | null> {
  const value = await progressOf(card)
    .getAttribute('aria-valuenow', { timeout: 5_000 })
    .catch(() => null);
  return value === null ? null : Number(value);
}

/** A word thousands of the demo's contacts have in their email or their company's name. */
const QUERY = 'com';

/** How many contacts of the whole medium set the list's search should find for QUERY. */
function mediumContactsMatching(): number {
  const world = createDemoWorld({ size: 'medium', today: toIsoDate(Date.now()) });
  const companies = new Map<string, string>();
  for (let i = 0; i < world.counts.companies; i++) {
    const company = world.company(i);
    companies.set(company.id, companySearchName(company));
  }
  const query = parseSearchQuery(QUERY);
  let matches = 0;
  for (let i = 0; i < world.counts.contacts; i++) {
    const contact = world.contact(i);
    if (matchesSearch(query, searchTextOf('contacts', contact), companies.get(contact.companyId) ?? '')) matches++;
  }
  return matches;
}

/** How many contacts the list's search finds for QUERY, as the status beside the search box says. */
async function contactsMatching(page: Page): Promise<number> {
  await goTo(page, 'Contacts');
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(QUERY);
  const status = page.getByRole('main').getByRole('status');
  await expect(status).toHaveText(/^\d+ match(es)?$/, { timeout: 60_000 });
  return Number((await status.textContent())!.split(' ')[0]);
}

test('loads the medium demo set from Settings with a moving progress bar, then the contacts list holds all of it', async ({
  page,
}) => {
  const card = await startMediumLoad(page);
  await expect(progressOf(card)).toBeVisible();
  await expect(
    card.getByText(/of 26,\d{3} records · [\d,]+ records\/s · about \d+ (seconds?|minutes?) left/),
  ).toBeVisible({ timeout: 60_000 });

  // Sampled until the bar is gone: it moves forward, through positions short of the end.
  const positions: number[] = [];
  for (let now = await progressNow(card); now !== null; now = await progressNow(card)) {
    if (positions.at(-1) !== now) positions.push(now);
    await page.waitForTimeout(100);
  }
  expect(positions.filter((p) => p > 0 && p < 26_000).length).toBeGreaterThanOrEqual(2);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));

  await expect(card.getByRole('status')).toHaveText(/^Demo data loaded: 26,\d{3} records\.$/);
  const expected = mediumContactsMatching();
  expect(expected).toBeGreaterThan(DEMO_SIZES.medium.contacts / 2);
  expect(await contactsMatching(page)).toBe(expected);
});

test('Cancel stops the load and keeps what was written; the list shows it and Load is offered again', async ({
  page,
}) => {
  const card = await startMediumLoad(page);
  await expect.poll(() => progressNow(card), { timeout: 60_000 }).toBeGreaterThan(0);
  await card.getByRole('button', { name: 'Cancel loading' }).click();

  const stopped = card.getByRole('status');
  await expect(stopped).toHaveText(/^Loading stopped\. The [\d,]+ records written so far are kept/, {
    timeout: 60_000,
  });
  await expect(progressOf(card)).toHaveCount(0);
  const kept = Number(/The ([\d,]+) records/.exec((await stopped.textContent())!)![1]!.replace(/,/g, ''));
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(26_000);
  await expect(card.getByRole('button', { name: 'Load demo data' })).toBeEnabled();

  expect(await contactsMatching(page)).toBeLessThan(mediumContactsMatching());
});

test.describe('on a team server', () => {
  test.use({ serverArgs: ['--auth', 'team'] });

  test('Settings → Demo data warns that demo records sync to the team, and offers no large set', async ({ page }) => {
    await setUpTeam(page, { name: 'Ana Torres', email: 'ana@andes.example', password: 'correct horse battery' });
    await goTo(page, 'Settings');
    const card = demoCard(page);
    await expect(card.getByRole('note').filter({ hasText: /signed in to a team server/ })).toContainText(
      'demo records sync to it, and everyone allowed to see them will',
    );
    await expect(card.getByRole('radio')).toHaveCount(2);
    await expect(card.getByRole('radio', { name: /^Small — 150 contacts/ })).toBeChecked();
    await expect(card.getByRole('radio', { name: /^Medium — 6,000 contacts/ })).toBeVisible();
    await expect(card.getByRole('radio', { name: /^Large/ })).toHaveCount(0);
    await expect(card.getByText(/The large set .* is offered only in a workspace on this device alone/)).toBeVisible();
  });
});
