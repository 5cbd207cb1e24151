import type { Locator, Page } from '@playwright/test';
import { drawer } from './app-fixtures';
import { expect, LAUNCH_PATH, test } from './server-fixture';

/**
 * A newcomer's demo without a mouse: every step below is a key press (page.keyboard), from the
 * welcome dialog to a won deal. Locators only look; none of them clicks, fills or focuses.
 */

/** Names and titles as a regular expression that matches them literally. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function press(page: Page, ...keys: string[]) {
  for (const key of keys) await page.keyboard.press(key);
}

function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement).catch(() => false);
}

/** Tab (or Shift+Tab) until `target` has focus, as a keyboard user moves through a screen. */
async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; most?: number } = {}) {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  for (let presses = 0; presses < (options.most ?? 40); presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** J down a list until `target` (a row further down) has focus. */
async function walkDownTo(page: Page, target: Locator, most = 50) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < most; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('j');
  }
  await expect(target).toBeFocused();
}

test('a newcomer qualifies a lead, converts it, moves the deal on and wins it, all from the keyboard', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(LAUNCH_PATH);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Outpost' });
  await expect(welcome.getByLabel('Your name')).toBeFocused();
  await page.keyboard.type('Maria Lopez');
  await tabTo(page, welcome.getByRole('button', { name: 'Load demo data' }));
  await press(page, 'Enter');
  await expect(welcome).toBeHidden({ timeout: 60_000 });

  // The Leads list, reached from the keyboard, puts focus on its first row: J down to the first
  // new lead, Enter opens it.
  await press(page, 'g', 'l');
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
  const rows = page.getByRole('grid', { name: 'Leads' }).getByRole('row');
  await expect(rows.nth(1)).toBeFocused();
  const newLead = rows.filter({ has: page.getByRole('gridcell', { name: 'New', exact: true }) }).first();
  await walkDownTo(page, newLead);
  const name = (await newLead.getByRole('gridcell').nth(1).innerText()).trim();
  await press(page, 'Enter');
  const lead = drawer(page, name);
  await expect(lead).toBeVisible();
  const status = lead.getByRole('group', { name: 'Status' });

  // New → Contacted → Qualified (domain/lead-lifecycle.ts): each move leaves focus on the next one.
  await tabTo(page, status.getByRole('button', { name: 'Move to Contacted' }), { backwards: true });
  await press(page, 'Enter');
  await expect(status).toContainText('Contacted');
  await expect(status.getByRole('button', { name: 'Move to Qualified' })).toBeFocused();
  await press(page, 'Enter');
  await expect(status).toContainText('Qualified');
  const convert = status.getByRole('button', { name: 'Convert to deal' });
  await expect(convert).toBeFocused();

  // The conversion dialog opens on its title; the newcomer keeps it, types the deal's value in the
  // pipeline's currency (the lead's estimate may be in another) and converts with Enter.
  await press(page, 'Enter');
  const dialog = page.getByRole('dialog', { name: `Convert ${name} to a deal` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Deal title')).toBeFocused();
  const title = await dialog.getByLabel('Deal title').inputValue();
  await press(page, 'Tab', 'Tab', 'Tab');
  await expect(dialog.getByLabel('Value (USD)')).toBeFocused();
  await press(page, 'ControlOrMeta+A');
  await page.keyboard.type('36000.00');
  await press(page, 'Enter');
  await expect(dialog).toBeHidden();
  const deal = drawer(page, title);
  await expect(deal).toBeVisible();
  await expect(page.getByRole('status').getByText(`Lead converted. The deal ${title} is in Lead in.`)).toBeVisible();
  await press(page, 'Escape');
  await expect(deal).toBeHidden();

  // The pipeline: the new deal is on top of Lead in and takes focus; ] moves it on, W wins it.
  await press(page, 'g', 'p');
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
  const cardName = new RegExp(`^${literally(title)}`);
  const card = page.getByRole('button', { name: cardName });
  await expect(page.getByRole('region', { name: 'Lead in' }).getByRole('button').first()).toBeFocused();
  await expect(card).toBeFocused();
  await press(page, ']');
  await expect(page.getByRole('region', { name: 'Qualified' }).getByRole('button', { name: cardName })).toBeFocused();
  await press(page, 'w');
  await expect(page.getByText(`${title} marked as won.`)).toBeVisible();
  await expect(card).toHaveCount(0);

  // Won: the Deals list says so (found by its title: the list draws only the rows near the screen).
  await press(page, 'g', 'd');
  await page.getByRole('searchbox', { name: 'Search deals' }).fill(title);
  const dealRows = page.getByRole('grid', { name: 'Deals' }).getByRole('row', { name: new RegExp(literally(title)) });
  await expect(dealRows).toContainText('Won');
});
