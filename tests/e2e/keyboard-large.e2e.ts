import { expect, test, type Page } from '@playwright/test';
import { foldAccents, openLargeWorkspace, uniqueAccentedContact, type LargeWorkspace } from './large-workspace';

/**
 * Outpost works from the keyboard on a large local workspace (~26,600 records pulled through real
 * replication). One device and one page for the whole file: the workspace is pulled once.
 */
test.describe.configure({ mode: 'serial' });

let workspace: LargeWorkspace;
let page: Page;

test.beforeAll(async ({ browser }) => {
  // Seeding the server's store and the device's first pull, on a shared two-core machine.
  test.setTimeout(240_000);
  workspace = await openLargeWorkspace(browser);
  page = workspace.page;
  const records = workspace.seeded.total.toLocaleString('en');
  console.log(
    `large workspace: ${records} records seeded in ${(workspace.seeded.elapsedMs / 1000).toFixed(1)} s, ` +
      `pulled by the device in ${(workspace.pullMs / 1000).toFixed(1)} s`,
  );
});

test.afterAll(async () => {
  await workspace?.close();
});

/** Keys as a person presses them, one after another. */
async function press(...keys: string[]) {
  for (const key of keys) await page.keyboard.press(key);
}

test('the workspace holds at least 20,000 records', () => {
  expect(workspace.seeded.total).toBeGreaterThanOrEqual(20_000);
});

test('G then P goes to the pipeline from a list row, and the board’s first card takes focus', async () => {
  await page.getByRole('grid', { name: 'Contacts' }).getByRole('row').nth(1).focus();
  await press('g', 'p');
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: /Lead in/ })
      .getByRole('button')
      .first(),
  ).toBeFocused();
});

/** The id of the board's card that has focus, once `region` (a column) holds the focus. */
async function focusedCardIn(region: string): Promise<string> {
  const focused = page.getByRole('region', { name: region }).locator('[data-deal-id]:focus');
  await expect(focused).toHaveCount(1);
  return (await focused.getAttribute('data-deal-id'))!;
}

test('? shows the cheat sheet over the board, and Escape closes it with focus back on the card', async () => {
  await press('g', 'l', 'g', 'p');
  const first = await focusedCardIn('Lead in');
  await press('j');
  await expect(page.locator(`[data-deal-id="${first}"]`)).not.toBeFocused();
  const second = await focusedCardIn('Lead in');
  await press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(
    sheet.getByRole('table', { name: 'Board' }).getByRole('row', { name: /Move the deal to the next stage\s+\]/ }),
  ).toBeVisible();
  await press('Escape');
  await expect(sheet).toBeHidden();
  await expect(page.locator(`[data-deal-id="${second}"]`)).toBeFocused();
});

test('Escape closes a contact opened from its row, and a deal opened from its card, with focus back where it was', async () => {
  await press('g', 'c');
  const rows = page.getByRole('grid', { name: 'Contacts' }).getByRole('row');
  // Reached from the keyboard, the list puts focus on its first row.
  await expect(rows.nth(1)).toBeFocused();
  await press('j', 'j', 'j');
  await expect(rows.nth(4)).toBeFocused();
  await press('Enter');
  const contactDrawer = page.getByRole('dialog', { name: await rows.nth(4).getByRole('gridcell').nth(1).innerText() });
  await expect(contactDrawer).toBeVisible();
  await press('Escape');
  await expect(contactDrawer).toBeHidden();
  await expect(rows.nth(4)).toBeFocused();

  await press('g', 'p');
  await expect(
    page
      .getByRole('region', { name: /Lead in/ })
      .getByRole('button')
      .first(),
  ).toBeFocused();
  await press('j', 'l');
  const cardId = await focusedCardIn('Qualified');
  await press('Enter');
  const dealDrawer = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Close' }) });
  await expect(dealDrawer).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/pipeline/${cardId}$`));
  await press('Escape');
  await expect(dealDrawer).toBeHidden();
  await expect(page.locator(`[data-deal-id="${cardId}"]`)).toBeFocused();
});

test('a #/deals/<id> address opens that deal’s drawer again after a reload', async () => {
  await press('g', 'd');
  const rows = page.getByRole('grid', { name: 'Deals' }).getByRole('row');
  await rows.nth(1).focus();
  await press('j', 'j');
  const title = await rows.nth(3).getByRole('gridcell').nth(1).innerText();
  await press('Enter');
  await expect(page.getByRole('dialog', { name: title })).toBeVisible();
  await expect(page).toHaveURL(/#\/deals\/[0-9a-f-]{36}$/);
  const address = page.url();

  await page.reload();
  await expect(page).toHaveURL(address);
  const reopened = page.getByRole('dialog', { name: title });
  await expect(reopened).toBeVisible({ timeout: 30_000 });
  await expect(reopened.getByLabel('Deal name')).toHaveValue(title);
  await press('Escape');
  await expect(reopened).toBeHidden();
  await expect(page).toHaveURL(/#\/deals$/);
});

test('a shortcut remapped in Settings → Keyboard still works after a reload', async () => {
  await press('g', 's');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('tab', { name: 'Keyboard' }).focus();
  await press('Enter');
  const goDeals = page.getByRole('table', { name: 'Everywhere' }).getByRole('row', { name: /^Go to Deals/ });
  await goDeals.getByRole('button', { name: 'Change keys for Go to Deals' }).focus();
  await press('Enter', 'g', 'e');
  await expect(goDeals).toContainText('G then E');

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Keyboard' })).toHaveAttribute('aria-selected', 'true', {
    timeout: 30_000,
  });
  await press('g', 'e');
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible();
  await press('g', 'd');
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible();
  await press('g', 'p');
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
  await press('g', 'd');
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();

  // Back to the default keys for whatever runs on this device next.
  await press('g', 's');
  const reset = goDeals.getByRole('button', { name: 'Reset Go to Deals to its default keys' });
  await page.getByRole('tab', { name: 'Keyboard' }).focus();
  await press('Enter');
  await expect(reset).toBeEnabled();
  await reset.focus();
  await press('Enter');
  await expect(goDeals).toContainText('G then D');
});

test('the palette finds a contact by a partial name typed without accents and with a typo, and Enter opens it', async () => {
  const contact = uniqueAccentedContact();
  // "Hernández" → "henran": accents gone, the end not typed yet, two letters swapped.
  const partial = foldAccents(contact.longWord).slice(0, 6);
  const typo = partial.slice(0, 2) + partial[3] + partial[2] + partial.slice(4);
  const query = `${foldAccents(contact.firstName).split(' ')[0]} ${typo}`;

  await press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const input = palette.getByRole('combobox', { name: 'Search records and commands' });
  await expect(input).toBeFocused();
  await input.pressSequentially(query);
  const found = palette
    .getByRole('group', { name: 'Contacts' })
    .getByRole('option', { name: new RegExp(contact.name) });
  // The reload of the test before rebuilds the palette's index from storage; the palette says
  // "Indexing N records…" meanwhile, and answers what was typed once it is ready.
  const typed = performance.now();
  await expect(found).toBeVisible({ timeout: 120_000 });
  console.log(`palette answered ${((performance.now() - typed) / 1000).toFixed(1)} s after the query was typed`);
  // Down the list to it, as a person would when a namesake ranks first.
  for (let step = 0; step < 30 && (await found.getAttribute('aria-selected')) !== 'true'; step++) {
    await press('ArrowDown');
  }
  await expect(found).toHaveAttribute('aria-selected', 'true');
  await press('Enter');

  await expect(palette).toBeHidden();
  await expect(page.getByRole('dialog', { name: contact.name })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/contacts/${contact.id}$`));
});
