import { goTo, startWorkspace } from './app-fixtures';
import { expect, test } from './server-fixture';

/** Nothing destructive is ever one key away from a list: Enter on a row opens, and only opens. */
test('Enter on a list row opens its drawer and asks nothing, on every record list', async ({ page }) => {
  await startWorkspace(page, { demo: true });
  for (const section of ['Leads', 'Deals', 'Contacts', 'Companies']) {
    await goTo(page, section);
    const firstRow = page.getByRole('grid', { name: section }).getByRole('row').nth(1);
    await firstRow.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Close' }) });
    await expect(drawer).toBeVisible();
    // A confirmation would be a second dialog asking "Delete …?".
    await expect(page.getByRole('dialog', { name: /^Delete / })).toHaveCount(0);
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    expect(focused, `focus after Enter on ${section}`).not.toMatch(/^Delete/);
    // A second Enter in the drawer still deletes nothing.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: /^Delete / })).toHaveCount(0);
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect(drawer).toBeHidden();
  }
});
