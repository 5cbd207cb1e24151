import type { Page } from '@playwright/test';
import { drawer, goTo, joinWorkspace, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

async function synced(page: Page) {
  await expect(page.getByRole('button', { name: /^Sync status and settings: Synced\./ })).toBeVisible({
    timeout: 20_000,
  });
}

async function openDeal(page: Page, title: string) {
  await goTo(page, 'Deals');
  // The deal's name, as a person clicks a row (a cell's pencil edits that cell in place instead).
  await page
    .getByRole('grid', { name: 'Deals' })
    .getByRole('row', { name: new RegExp(title) })
    .getByText(title, { exact: true })
    .click();
  await expect(drawer(page, title)).toBeVisible();
  return drawer(page, title);
}

async function writeNotes(page: Page, title: string, notes: string) {
  const deal = drawer(page, title);
  await deal.getByLabel('Notes').fill(notes);
  await deal.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: /change waiting/ })).toBeVisible();
}

/**
 * Two people edit the notes of one deal offline; the later edit wins. The one whose edit lost is
 * told even when they reconnect first (their edit reached the server, and was replaced there by a
 * merge on the other device), can open the record from the entry, and can put their text back.
 */
test('whoever’s edit lost is told, even when they reconnect first, and can use theirs again', async ({
  browser,
  server,
}) => {
  const alpha = await browser.newContext({ baseURL: server.url });
  const bravo = await browser.newContext({ baseURL: server.url });
  const a = await alpha.newPage();
  const b = await bravo.newPage();
  const title = 'Andes fleet renewal';

  await startWorkspace(a, { name: 'Ana Torres' });
  await goTo(a, 'Deals');
  await a.getByRole('button', { name: 'New deal' }).first().click();
  const form = drawer(a, 'New deal');
  await form.getByLabel('Deal name').fill(title);
  await form.getByLabel('Notes').fill('Agreed on a pilot');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(a, title)).toBeVisible();
  await synced(a);
  await joinWorkspace(b);
  await synced(b);
  await openDeal(b, title);

  await alpha.setOffline(true);
  await bravo.setOffline(true);
  await writeNotes(a, title, 'Alpha: pilot for 20 seats');
  await a.waitForTimeout(50);
  await writeNotes(b, title, 'Bravo: pilot for 50 seats');

  // The loser reconnects first: its edit is accepted, then replaced by Bravo's later one.
  await alpha.setOffline(false);
  await synced(a);
  await bravo.setOffline(false);
  await synced(b);
  await expect(drawer(a, title).getByLabel('Notes')).toHaveValue('Bravo: pilot for 50 seats', { timeout: 20_000 });

  await goTo(a, 'Settings');
  const log = a.getByRole('list', { name: 'Edits replaced by a later edit' });
  const entry = log.getByRole('listitem').filter({ hasText: title });
  await expect(entry).toContainText(
    'Notes: you wrote “Alpha: pilot for 20 seats”, “Bravo: pilot for 50 seats” was kept',
  );

  // The entry opens its record.
  await entry.getByRole('button', { name: `Open ${title}` }).click();
  await expect(drawer(a, title)).toBeVisible();

  // "Use mine" writes Alpha's text back as a new edit, which reaches Bravo like any other.
  await entry.getByRole('button', { name: `Use mine: Notes on ${title}` }).click();
  await expect(a.getByRole('status').filter({ hasText: `Your Notes is back on ${title}` })).toBeVisible();
  await expect(log).toHaveCount(0);
  await expect(drawer(a, title).getByLabel('Notes')).toHaveValue('Alpha: pilot for 20 seats');
  await synced(a);
  await expect(drawer(b, title).getByLabel('Notes')).toHaveValue('Alpha: pilot for 20 seats', { timeout: 20_000 });

  // Bravo, whose edit won the merge, was never told anything.
  await goTo(b, 'Settings');
  await expect(b.getByText('None of your edits were replaced.')).toBeVisible();
  await alpha.close();
  await bravo.close();
});
