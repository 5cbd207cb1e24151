import type { Locator, Page } from '@playwright/test';
import { drawer, goTo, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const paletteInput = (page: Page) => palette(page).getByRole('combobox', { name: 'Search records and commands' });
const group = (page: Page, name: string) => palette(page).getByRole('group', { name });

/** The board's first card, once the board has its deals, focused. */
async function focusFirstCard(page: Page): Promise<Locator> {
  const main = page.getByRole('main', { name: 'Pipeline' });
  await expect(main.getByRole('region', { name: / board$/ })).toHaveAttribute('aria-busy', 'false');
  const card = main.getByRole('listitem').getByRole('button').first();
  await card.focus();
  await expect(card).toBeFocused();
  return card;
}

async function openPalette(page: Page) {
  await page.keyboard.press('Control+k');
  await expect(paletteInput(page)).toBeFocused();
}

/** Accents and case folded, as a person typing without them would write the name. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The first contact in the list whose surname has an accent and six letters or more: "Hernández". */
async function accentedContact(contacts: Locator): Promise<{ name: string; first: string; surname: string }> {
  for (const cell of await contacts.getByRole('row').locator('[role=gridcell]:nth-child(2)').allInnerTexts()) {
    const words = cell.trim().split(/\s+/);
    const surname = words.find((w, i) => i > 0 && fold(w) !== w.toLowerCase() && w.length >= 6);
    if (surname && words[0]) return { name: cell.trim(), first: words[0], surname };
  }
  throw new Error('the demo workspace has no contact with an accented surname in view');
}

test('Ctrl+K opens the palette from the board and from inside a text field; Esc closes it and gives focus back', async ({
  page,
}) => {
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Pipeline');
  const card = await focusFirstCard(page);
  await openPalette(page);
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(card).toBeFocused();

  await goTo(page, 'Contacts');
  const search = page.getByRole('searchbox', { name: 'Search contacts' });
  await search.fill('ab');
  await openPalette(page);
  await expect(palette(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('ab');
});

test('a name typed without its accents and with one typo finds the contact; Enter opens its drawer at its address', async ({
  page,
}) => {
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Contacts');
  const contacts = page.getByRole('grid', { name: 'Contacts' });
  await expect(contacts.getByRole('row').nth(10)).toBeVisible();
  const contact = await accentedContact(contacts);
  // "Hernández" → "henrand": accents gone, two letters swapped, the end not typed yet.
  const surname = fold(contact.surname).slice(0, 7);
  const typo = surname.slice(0, 2) + surname[3] + surname[2] + surname.slice(4);
  const query = `${fold(contact.first)} ${typo}`;

  await page.getByRole('main').click({ position: { x: 5, y: 5 } });
  await openPalette(page);
  await paletteInput(page).pressSequentially(query);
  const first = group(page, 'Contacts').getByRole('option').first();
  await expect(first).toContainText(contact.name);
  await expect(first.locator('mark').first()).toBeVisible();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  await expect(palette(page)).toBeHidden();
  await expect(drawer(page, contact.name)).toBeVisible();
  await expect(page).toHaveURL(/#\/contacts\/[0-9a-f-]{36}$/);
});

test('with nothing typed, the palette lists the records opened last, newest first', async ({ page }) => {
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Contacts');
  const contactRow = page.getByRole('grid', { name: 'Contacts' }).getByRole('row').nth(1);
  const contactName = (await contactRow.getByRole('gridcell').nth(1).innerText()).trim();
  await contactRow.click();
  await expect(drawer(page, contactName)).toBeVisible();
  await page.keyboard.press('Escape');

  await goTo(page, 'Companies');
  const companyRow = page.getByRole('grid', { name: 'Companies' }).getByRole('row').nth(1);
  const companyName = (await companyRow.getByRole('gridcell').nth(1).innerText()).trim();
  await companyRow.click();
  await expect(drawer(page, companyName)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer(page, companyName)).toBeHidden();

  await openPalette(page);
  const recent = group(page, 'Recently opened').getByRole('option');
  await expect(recent.nth(0)).toContainText(companyName);
  await expect(recent.nth(1)).toContainText(contactName);
  await expect(recent.nth(0)).toHaveAttribute('aria-selected', 'true');
});

test('commands run from the palette: Go to Deals, and the dark theme', async ({ page }) => {
  await startWorkspace(page);
  await goTo(page, 'Leads');
  await openPalette(page);
  await paletteInput(page).pressSequentially('go dels');
  const goDeals = group(page, 'Commands').getByRole('option', { name: /^Go to Deals/ });
  await expect(goDeals).toHaveAttribute('aria-selected', 'true');
  await expect(goDeals).toContainText('G then D');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible();

  await openPalette(page);
  await paletteInput(page).pressSequentially('theme dark');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await openPalette(page);
  await paletteInput(page).pressSequentially('theme');
  // The theme in force is not offered again.
  await expect(group(page, 'Commands').getByRole('option', { name: 'Theme: Dark' })).toHaveCount(0);
  await expect(group(page, 'Commands').getByRole('option', { name: 'Theme: Light' })).toBeVisible();
});

test('a deal command from the palette acts on the card focused on the board beneath it', async ({ page }) => {
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Pipeline');
  const card = await focusFirstCard(page);
  const cardText = await card.innerText();
  await openPalette(page);
  await paletteInput(page).pressSequentially('deal stage');
  const commands = group(page, 'Commands');
  const nextStage = commands.getByRole('option', { name: 'Move the deal to the next stage ]' });
  const previousStage = commands.getByRole('option', { name: 'Move the deal to the previous stage [' });
  await expect(nextStage).toHaveAttribute('aria-selected', 'true');
  // Ctrl+N and Ctrl+P move through the results as the arrows do.
  await page.keyboard.press('Control+n');
  await expect(previousStage).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Control+p');
  await expect(nextStage).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  const toast = page.getByRole('status').filter({ hasText: / moved to / });
  await expect(toast).toBeVisible();
  // The deal moved is the focused card's, not whichever card the palette's input sits over.
  expect(cardText).toContain((await toast.innerText()).replace(/ moved to [\s\S]*$/, '').trim());
});

test('“Assign to me” from the palette makes the deal open in the drawer the signed-in user’s', async ({ page }) => {
  await startWorkspace(page, { demo: true, name: 'Maria Lopez' });
  await goTo(page, 'Deals');
  const row = page.getByRole('grid', { name: 'Deals' }).getByRole('row').nth(1);
  const title = (await row.getByRole('gridcell').nth(1).innerText()).trim();
  await row.click();
  const owner = drawer(page, title).getByRole('combobox', { name: 'Owner' });
  // Someone else's deal first, as a person would hand it over.
  const someoneElse = (await owner.getByRole('option').allInnerTexts()).find((name) => name.trim() !== 'Maria Lopez');
  await owner.selectOption({ label: someoneElse! });
  await expect(owner.getByRole('option', { name: someoneElse!, selected: true })).toBeAttached();

  await openPalette(page);
  await paletteInput(page).pressSequentially('assign me');
  await expect(group(page, 'Commands').getByRole('option', { name: 'Assign to me' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Assigned to you.' })).toBeVisible();
  await expect(owner.getByRole('option', { name: 'Maria Lopez', selected: true })).toBeAttached();
});
